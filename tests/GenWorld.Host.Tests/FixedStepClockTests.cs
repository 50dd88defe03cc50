using GenWorld.Host.Clocks;

namespace GenWorld.Host.Tests;

public sealed class FixedStepClockTests
{
    [Fact]
    public void Frame_n_is_at_n_over_fps_whatever_the_wall_clock_does()
    {
        var clock = new FixedStepClock(30);
        double[] times = [.. Enumerable.Range(0, 4).Select(_ => clock.Tick())];
        Assert.Equal([0, 1 / 30.0, 2 / 30.0, 3 / 30.0], times);
        Assert.Equal(3, clock.Frame);
    }

    [Theory]
    [InlineData(30, 48000)]
    [InlineData(7, 48000)]
    [InlineData(24, 44100)]
    public void Samples_per_frame_add_up_to_exactly_the_seconds_rendered(int fps, int rate)
    {
        var clock = new FixedStepClock(fps);
        long total = 0;
        for (int f = 0; f < 3 * fps; f++)
        {
            clock.Tick();
            int n = clock.SamplesInFrame(rate);
            Assert.InRange(n, rate / fps, (rate / fps) + 1);
            total += n;
        }
        Assert.Equal(3L * rate, total);
    }
}

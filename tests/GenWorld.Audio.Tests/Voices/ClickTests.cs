using System.Numerics;
using GenWorld.Audio.OpenAl;
using GenWorld.Audio.Voices;
using Xunit.Abstractions;

namespace GenWorld.Audio.Tests.Voices;

/// <summary>
/// Clicks are sample-to-sample jumps larger than the signal itself makes. A 220/330 Hz sine at amplitude 0.5 moves at
/// most ~0.015-0.02 per sample; a voice cut at a peak jumps by up to the full amplitude. The pool's start, steal and
/// stop boundaries must stay within the jump of the steady signal around them.
/// </summary>
[Collection(OpenAlCollection.Name)]
public sealed class ClickTests(ITestOutputHelper output)
{
    private const double Allowance = 1.1;   // boundary jump may exceed the steady signal's own max jump by 10%

    private static int At(double seconds) => (int)(seconds * Signals.Rate);

    [Fact]
    public void Start_steal_and_stop_make_no_jump_beyond_the_signals_own()
    {
        using var rig = new PoolRig(new VoicePoolOptions { MaxVoices = 1 });
        // Odd lengths on purpose: neither loop holds whole cycles, so the loop seam is exercised too.
        VoiceSound a = PoolRig.Sine(220, 0.3037), b = PoolRig.Sine(330, 0.2519);
        float[] mix = rig.Run(2.0, t => t switch
        {
            < 0.5 => [PoolRig.Loop(1, a, new Vector3(-1, 0, -2))],
            // B appears nearer: with one voice it steals A's, which fades out before B fades in.
            < 1.0 => [PoolRig.Loop(1, a, new Vector3(-1, 0, -2)), PoolRig.Loop(2, b, new Vector3(1, 0, -1))],
            _ => [],
        });

        for (int channel = 0; channel < 2; channel++)
        {
            double steadyA = Signals.MaxJump(mix, channel, At(0.25), At(0.5));
            double steadyB = Signals.MaxJump(mix, channel, At(0.75), At(1.0));
            double start = Signals.MaxJump(mix, channel, 0, At(0.25));
            double steal = Signals.MaxJump(mix, channel, At(0.5), At(0.75));
            double stop = Signals.MaxJump(mix, channel, At(1.0), At(2.0));
            output.WriteLine($"channel {channel}: steady A {steadyA:F4}, B {steadyB:F4}; start {start:F4}, steal {steal:F4}, stop {stop:F4}");
            Assert.True(steadyA > 0.003 && steadyB > 0.003, "both voices should be clearly audible");
            // Each boundary against the voices sounding around it.
            Assert.True(start <= steadyA * Allowance, $"start jump {start:F4} > {steadyA * Allowance:F4}");
            Assert.True(steal <= Math.Max(steadyA, steadyB) * Allowance, $"steal jump {steal:F4} > {Math.Max(steadyA, steadyB) * Allowance:F4}");
            Assert.True(stop <= steadyB * Allowance, $"stop jump {stop:F4} > {steadyB * Allowance:F4}");
        }
        Assert.Empty(rig.Pool.Voices);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Retriggered_one_shots_start_and_end_without_jumps(bool hrtf)
    {
        (double own, double all)[] channels = OneShots(new VoicePoolOptions { Hrtf = hrtf, Reverb = false }, out int triggers);
        for (int channel = 0; channel < 2; channel++)
        {
            (double own, double all) = channels[channel];
            output.WriteLine($"HRTF {hrtf}, channel {channel}: signal's own max jump {own:F4}, max jump anywhere {all:F4}");
            Assert.True(own > 0.003, "the one-shots should be audible");
            Assert.True(all <= own * Allowance, $"jump {all:F4} > {own * Allowance:F4}");
        }
        Assert.Equal(5, triggers);
    }

    [Fact]
    public void Unshaped_one_shot_ends_would_click()
    {
        // The control for the test above: without the 4 ms end fades the same measurement sees the cut at each end.
        (double own, double all)[] channels = OneShots(new VoicePoolOptions { Hrtf = false, Reverb = false, EdgeFadeSeconds = 0 }, out _);
        (double own, double all) = channels[1];
        output.WriteLine($"unshaped: own {own:F4}, max {all:F4} ({all / own:F1}x)");
        Assert.True(all > 3 * own, $"raw ends should jump: {all:F4} vs {own:F4}");
    }

    /// <summary>
    /// A 0.15 s sine one-shot ending near a peak (raw, its end would jump by ~0.5 x gain), every 0.3 s, pitch ±5%,
    /// gain ±20%, for 1.5 s. Per channel: the signal's own max jump (inside the triggers) and the max jump anywhere.
    /// </summary>
    private static (double Own, double All)[] OneShots(VoicePoolOptions options, out int triggers)
    {
        using var rig = new PoolRig(options);
        Assert.Equal(options.Hrtf, rig.Pool.HrtfEnabled);
        VoiceSound shot = PoolRig.Sine(300, 0.1508);   // 45.24 cycles
        Assert.True(Math.Abs(shot.Samples[^1]) > 0.4f);
        var request = new VoiceRequest(1, new Vector3(0.5f, 0, -1), Vector3.Zero, shot, VoicePlayback.OneShot(0.3f, 0.05f, 0.2f));
        float[] mix = rig.Run(1.5, _ => [request]);
        triggers = rig.Pool.Triggers(0);
        var result = new (double, double)[2];
        for (int channel = 0; channel < 2; channel++)
        {
            double own = 0;
            for (double t = 0; t < 1.4; t += 0.3) own = Math.Max(own, Signals.MaxJump(mix, channel, At(t + 0.03), At(t + 0.12)));
            result[channel] = (own, Signals.MaxJump(mix, channel, 0, mix.Length / 2));
        }
        return result;
    }

    [Fact]
    public void A_hard_stop_without_the_pool_would_click()
    {
        // The control: the same measurement sees the click of a source stopped at a peak, so the test above can fail.
        using var rig = new LoopbackRig(HrtfMode.Off);
        AlSource source = rig.LoopingSine(250, new Vector3(0, 0, -1));
        float[] before = rig.Device.Render(At(0.2) + 48);   // 250 Hz: stop 48 frames into a cycle, near its peak
        source.Stop();
        float[] after = rig.Device.Render(At(0.1));
        float[] mix = [.. before, .. after];
        double own = Signals.MaxJump(mix, 0, At(0.1), At(0.2));
        double cut = Signals.MaxJump(mix, 0, At(0.2), At(0.3));
        output.WriteLine($"steady {own:F4}, at the hard stop {cut:F4} ({cut / own:F1}x)");
        Assert.True(cut > 3 * own, $"a hard stop should click: {cut:F4} vs {own:F4}");
    }
}

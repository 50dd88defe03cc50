using GenWorld.Content.Import;

namespace GenWorld.Content.Tests.Import;

public sealed class OneShotSlicerTests
{
    private const int Rate = 48000;

    [Fact]
    public void NotesPlayedWithoutGapsAreCutAtTheirOnsets()
    {
        // A legato line: eight 0.5 s notes, each struck (sharp attack) while the last still rings, no silence anywhere.
        var samples = new float[4 * Rate + Rate / 2];
        for (var note = 0; note < 8; note++)
        {
            var start = note * Rate / 2;
            var f = 200 * Math.Pow(2, note / 3.0);
            for (var n = 0; start + n < samples.Length; n++)
                samples[start + n] += (float)(0.3 * Math.Exp(-n / (0.25 * Rate)) * Math.Sin(2 * Math.PI * f * n / Rate));
        }
        var shots = OneShotSlicer.Slice(samples, Rate, new SliceSettings { MaxSeconds = 1.0 }, out var reason, out var dropped);
        Assert.Null(reason);
        Assert.Equal(0, dropped);
        Assert.True(shots.Count == 8, string.Join(", ", shots.Select(s => $"{s.StartSeconds}+{s.Samples.Length / (double)Rate:0.###}")));
        for (var note = 0; note < 8; note++) Assert.InRange(shots[note].StartSeconds, note * 0.5 - 0.02, note * 0.5 + 0.02);
        Assert.All(shots, s => Assert.InRange(s.Samples.Length, 0.4 * Rate, 1.0 * Rate));
    }

    [Fact]
    public void ADroneIsCutIntoWindowsAndTheCountIsCapped()
    {
        var samples = Enumerable.Range(0, 12 * Rate).Select(n => 0.2f * MathF.Sin(2 * MathF.PI * 110 * n / Rate)).ToArray();
        var shots = OneShotSlicer.Slice(samples, Rate, new SliceSettings { MaxSeconds = 1.0, MaxClipsPerFile = 4 }, out _, out var dropped);
        Assert.Equal(4, shots.Count);
        Assert.Equal(8, dropped);
        Assert.True(shots[^1].StartSeconds > 8, "the kept clips are spread over the whole recording");
    }

    [Fact]
    public void SilenceGivesNoClipsAndSaysSo()
    {
        var shots = OneShotSlicer.Slice(new float[Rate], Rate, new SliceSettings(), out var reason, out _);
        Assert.Empty(shots);
        Assert.Equal("silent", reason);
    }
}

using GenWorld.Core.Dsp;
using Xunit.Abstractions;

namespace GenWorld.Core.Tests.Dsp;

public sealed class SpectralRepresentationTests(ITestOutputHelper output)
{
    [Fact]
    public void DefaultHasTheLeadsShape()
    {
        var rep = SpectralRepresentation.Default;
        Assert.Equal((16384, 128, 256, 2 * 128 * 256), (rep.ClipLength, rep.Frames, rep.Bins, rep.Size));
    }

    [Theory]
    [InlineData(220.0, 0.0)]
    [InlineData(1760.0, 0.0)]
    [InlineData(220.0, 0.2)]
    [InlineData(523.25, 0.2)]
    public void RoundTripIsNearlyExact(double frequency, double noise)
    {
        var rep = SpectralRepresentation.Default;
        float[] clip = TestSignals.Note(rep.ClipLength, frequency, noise: noise);
        float[] features = rep.Forward(clip);
        Assert.All(features, v => Assert.True(float.IsFinite(v)));
        Assert.All(features.AsSpan(rep.Frames * rep.Bins).ToArray(), v => Assert.InRange(v, -1f, 1f));
        float[] back = rep.Inverse(features);
        double snr = TestSignals.SnrDb(clip, back);
        output.WriteLine($"{frequency} Hz, attack noise {noise}: round-trip SNR {snr:F1} dB");
        // The only loss is the dropped Nyquist bin, which white-noise attacks do carry.
        Assert.True(snr > (noise > 0 ? 50 : 60), $"round-trip SNR {snr:F1} dB");
    }

    [Fact]
    public void LogMagnitudeOfASinePeaksAtItsBin()
    {
        var rep = SpectralRepresentation.Default;
        float[] sine = [.. Enumerable.Range(0, rep.ClipLength).Select(n => (float)(0.5 * Math.Sin(2 * Math.PI * 1000 * n / 16000.0)))];
        float[] features = rep.Forward(sine);
        int frame = 64;
        int peak = Enumerable.Range(0, rep.Bins).MaxBy(k => features[frame * rep.Bins + k]);
        Assert.Equal(32, peak); // 1000 Hz / (16000 / 512) = bin 32
        // IF of a stationary sine: phase advances 2π·f·hop/fs = 2π·8 per frame ≡ 0, so IF ≈ 0 at the peak.
        Assert.InRange(features[rep.Frames * rep.Bins + frame * rep.Bins + peak], -0.01f, 0.01f);
    }

    [Fact]
    public void SpectralDistanceIsZeroForIdenticalAndGrowsWithNoise()
    {
        float[] a = TestSignals.Note(8192, 330);
        var rng = new Random(3);
        float[] small = [.. a.Select(v => v + (float)(rng.NextDouble() - 0.5) * 0.001f)];
        float[] large = [.. a.Select(v => v + (float)(rng.NextDouble() - 0.5) * 0.1f)];
        Assert.Equal(0, MultiScaleSpectralDistance.Compute(a, a), 12);
        double ds = MultiScaleSpectralDistance.Compute(a, small), dl = MultiScaleSpectralDistance.Compute(a, large);
        Assert.True(0 < ds && ds < dl, $"{ds} vs {dl}");
    }
}

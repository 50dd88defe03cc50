using GenWorld.Core.Audio;
using GenWorld.Inference.Evaluation;

namespace GenWorld.Inference.Tests.Evaluation;

public sealed class SpectralFeaturesTests
{
    private static float[] Sine(double hz, float amplitude, int n = 16384) =>
        [.. Enumerable.Range(0, n).Select(i => amplitude * (float)Math.Sin(2 * Math.PI * hz * i / 16000))];

    [Fact]
    public void A_sine_peaks_in_its_band_and_loudness_alone_does_not_change_the_features()
    {
        var features = new SpectralFeatures(16384, 16000);
        float[] loud = features.Of(Sine(1000, 0.9f)), quiet = features.Of(Sine(1000, 0.05f));
        // 1000 Hz at 16 kHz with 256 bins of 31.25 Hz is bin 32, band 8 of 64 (4 bins per band).
        Assert.Equal(8, Array.IndexOf(loud, loud.Max()));
        // Both are brought to the same loudness: the sine's band matches closely; the near-empty bands sit at the
        // representation's floor (-1), where float rounding of the two source amplitudes leaves a few hundredths.
        Assert.Equal(loud[8], quiet[8], 3);
        Assert.All(loud.Zip(quiet), p => Assert.InRange(Math.Abs(p.First - p.Second), 0, 0.05));
        float[] high = features.Of(Sine(4000, 0.5f));
        Assert.Equal(32, Array.IndexOf(high, high.Max()));
    }

    [Fact]
    public void Pitch_check_counts_cents_from_the_requested_note()
    {
        Assert.Equal(440, PitchCheck.Hz(69), 9);
        Assert.Equal(100, PitchCheck.Cents(PitchCheck.Hz(61), 60), 6);
        Assert.True(PitchCheck.Within(PitchCheck.Hz(60.49), 60));
        Assert.False(PitchCheck.Within(PitchCheck.Hz(60.51), 60));
        Assert.False(PitchCheck.Within(null, 60));
        Assert.False(PitchCheck.Within(2 * PitchCheck.Hz(60), 60)); // an octave error is a miss
    }
}

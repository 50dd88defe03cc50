using GenWorld.Content.Audio;

namespace GenWorld.Content.Tests.Audio;

public sealed class AudioDspTests
{
    private static float[] Sine(double hz, int rate, double seconds, float amp = 0.5f, float dc = 0) =>
        [.. Enumerable.Range(0, (int)(rate * seconds)).Select(n => dc + amp * MathF.Sin((float)(2 * Math.PI * hz * n / rate)))];

    [Fact]
    public void ResampleKeepsPitchAndLength()
    {
        var x = Sine(1000, 44100, 0.5);
        var y = AudioDsp.Resample(x, 44100, 16000);
        Assert.InRange(y.Length, 7990, 8010);
        Assert.InRange(Spectrograms.DominantFrequency(y, 16000), 990, 1010);
        // A tone above the new Nyquist must be filtered, not aliased.
        var high = AudioDsp.Resample(Sine(12000, 44100, 0.5), 44100, 16000);
        Assert.True(AudioDsp.RmsDb(high.AsSpan(500, 7000)) < -30);
    }

    [Fact]
    public void DcTrimNormaliseFade()
    {
        var x = Sine(440, 16000, 0.5, 0.25f, 0.1f);
        AudioDsp.RemoveDc(x);
        Assert.True(Math.Abs(x.Average()) < 1e-3);
        var padded = new float[8000].Concat(x).Concat(new float[8000]).ToArray();
        var (start, end) = AudioDsp.NonSilentRange(padded, 16000, -50, 0);
        Assert.InRange(start, 7900, 8000);
        Assert.InRange(end, 16000, 16160);
        AudioDsp.PeakNormalise(x, -1);
        Assert.Equal(-1, AudioDsp.PeakDb(x), 2);
        AudioDsp.FadeOut(x, 16000, 0.01);
        Assert.Equal(0f, x[^1], 4);
        Assert.Equal((0, 0), AudioDsp.NonSilentRange(new float[1000], 16000));
    }

    [Fact]
    public void LogMelPutsALowToneInLowBands()
    {
        var low = Spectrograms.LogMel(Sine(200, 16000, 0.5), 16000, 40);
        var high = Spectrograms.LogMel(Sine(5000, 16000, 0.5), 16000, 40);
        int Argmax(float[] f) => Array.IndexOf(f, f.Max());
        Assert.True(Argmax(low[10]) < 10);
        Assert.True(Argmax(high[10]) > 25);
        Assert.Equal(40, low[0].Length);
    }

    [Fact]
    public void YinFindsTheFundamentalUnderAStrongerHarmonic()
    {
        var x = Sine(220, 16000, 0.5, 0.2f).Zip(Sine(440, 16000, 0.5, 0.6f), (a, b) => a + b).ToArray();
        Assert.InRange(Spectrograms.DominantFrequency(x, 16000), 430, 450);
        Assert.InRange(PitchEstimator.Yin(x, 16000)!.Value, 218, 222);
        Assert.Null(PitchEstimator.Yin(new float[100], 16000));
    }
}

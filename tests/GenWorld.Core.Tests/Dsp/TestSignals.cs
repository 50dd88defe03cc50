namespace GenWorld.Core.Tests.Dsp;

/// <summary>Synthetic test clips (unit tests only): decaying harmonic tones with a short noise attack.</summary>
internal static class TestSignals
{
    public static float[] Note(int length, double frequency, int sampleRate = 16000, int harmonics = 6, int seed = 1, double noise = 0.2)
    {
        var rng = new Random(seed);
        var clip = new float[length];
        for (int n = 0; n < length; n++)
        {
            double t = (double)n / sampleRate, v = 0;
            for (int h = 1; h <= harmonics && h * frequency < sampleRate / 2.2; h++)
                v += Math.Sin(2 * Math.PI * h * frequency * t + h) / h;
            double attack = n < 200 ? (rng.NextDouble() - 0.5) * (1 - n / 200.0) : 0;
            clip[n] = (float)(0.4 * Math.Exp(-3 * t) * Math.Min(1, n / 40.0) * v + noise * attack);
        }
        return clip;
    }

    public static double SnrDb(ReadOnlySpan<float> reference, ReadOnlySpan<float> test)
    {
        double signal = 0, noise = 0;
        for (int i = 0; i < reference.Length; i++)
        {
            signal += reference[i] * (double)reference[i];
            double d = reference[i] - (double)test[i];
            noise += d * d;
        }
        return 10 * Math.Log10(signal / Math.Max(noise, 1e-30));
    }
}

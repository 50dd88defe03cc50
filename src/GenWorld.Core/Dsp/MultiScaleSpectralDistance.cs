namespace GenWorld.Core.Dsp;

/// <summary>
/// Multi-scale spectral distance (RAVE/DDSP, REFERENCES.md): the sum over FFT sizes 2048, 1024, 512, 256, 128 (hop = size/4,
/// Hann) of mean |S_x − S_y| + mean |ln(S_x + ε) − ln(S_y + ε)| over all frames and bins. 0 for identical signals.
/// </summary>
public static class MultiScaleSpectralDistance
{
    /// <summary>FFT sizes used.</summary>
    public static readonly int[] FftSizes = [2048, 1024, 512, 256, 128];

    /// <summary>ε inside the log.</summary>
    public const double Epsilon = 1e-7;

    /// <summary>Distance between two signals of equal length.</summary>
    public static double Compute(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        if (x.Length != y.Length) throw new ArgumentException($"signals differ in length ({x.Length} vs {y.Length}).", nameof(y));
        double total = 0;
        foreach (int size in FftSizes)
        {
            var stft = new Stft(size, size / 4);
            double[][] a = stft.Magnitudes(x), b = stft.Magnitudes(y);
            double linear = 0, log = 0;
            long count = 0;
            for (int t = 0; t < a.Length; t++)
                for (int k = 0; k < a[t].Length; k++, count++)
                {
                    linear += Math.Abs(a[t][k] - b[t][k]);
                    log += Math.Abs(Math.Log(a[t][k] + Epsilon) - Math.Log(b[t][k] + Epsilon));
                }
            total += (linear + log) / count;
        }
        return total;
    }
}

namespace GenWorld.Inference.Finishing;

/// <summary>
/// Integrated loudness of a mono clip in the manner of ITU-R BS.1770-4: K-weighting (a +4 dB high shelf above ~1.7 kHz
/// and a 38 Hz high-pass, designed for any sample rate), mean square over 400 ms blocks with 75 % overlap, an absolute
/// gate at −70 LUFS and a relative gate 10 LU below the ungated level. A full-scale 997 Hz sine reads −3.01 LUFS.
/// Clips shorter than one block are measured as one block.
/// </summary>
public static class LoudnessMeter
{
    /// <summary>Returned for silence (every block below the absolute gate).</summary>
    public const double Silence = double.NegativeInfinity;

    private const double AbsoluteGate = -70, RelativeGate = -10, Offset = -0.691;

    /// <summary>Integrated loudness in LUFS, or <see cref="Silence"/>.</summary>
    public static double Integrated(ReadOnlySpan<float> clip, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1, nameof(sampleRate));
        if (clip.IsEmpty) return Silence;
        double[] squared = KWeightedSquares(clip, sampleRate);
        int block = Math.Min(clip.Length, (int)Math.Round(0.4 * sampleRate));
        int step = Math.Max(1, block / 4);
        var blocks = new List<double>();
        // Running sum over the squares: each block's mean square in O(1).
        var prefix = new double[squared.Length + 1];
        for (int i = 0; i < squared.Length; i++) prefix[i + 1] = prefix[i] + squared[i];
        for (int start = 0; start + block <= squared.Length; start += step)
            blocks.Add((prefix[start + block] - prefix[start]) / block);

        double[] loud = [.. blocks.Where(z => Lufs(z) > AbsoluteGate)];
        if (loud.Length == 0) return Silence;
        double relative = Lufs(loud.Average()) + RelativeGate;
        double[] gated = [.. loud.Where(z => Lufs(z) > relative)];
        return Lufs(gated.Length == 0 ? loud.Average() : gated.Average());
    }

    private static double Lufs(double meanSquare) => meanSquare <= 0 ? Silence : Offset + 10 * Math.Log10(meanSquare);

    private static double[] KWeightedSquares(ReadOnlySpan<float> clip, int rate)
    {
        Biquad shelf = Biquad.HighShelf(rate, 1681.974450955533, 3.999843853973347, 0.7071752369554196);
        Biquad highPass = Biquad.KHighPass(rate, 38.13547087602444, 0.5003270373238773);
        var squares = new double[clip.Length];
        for (int i = 0; i < clip.Length; i++)
        {
            double y = highPass.Next(shelf.Next(clip[i]));
            squares[i] = y * y;
        }
        return squares;
    }

    /// <summary>Direct form I biquad, coefficients normalised by a0.</summary>
    private sealed class Biquad(double b0, double b1, double b2, double a1, double a2)
    {
        private double _x1, _x2, _y1, _y2;

        /// <summary>
        /// The BS.1770 shelf re-derived for any rate by the bilinear transform (tan pre-warp) of its analogue prototype:
        /// gain Vh = 10^(dB/20) above the shelf, Vb ≈ √Vh at it. At 48 kHz this reproduces the standard's table.
        /// </summary>
        public static Biquad HighShelf(int rate, double hz, double gainDb, double q)
        {
            double k = Math.Tan(Math.PI * hz / rate), vh = Math.Pow(10, gainDb / 20), vb = Math.Pow(vh, 0.4996667741545416);
            double a0 = 1 + k / q + k * k;
            return new Biquad((vh + vb * k / q + k * k) / a0, 2 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0,
                2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0);
        }

        /// <summary>BS.1770's second stage: numerator 1, −2, 1 (unnormalised, as the standard gives it), pre-warped high-pass poles.</summary>
        public static Biquad KHighPass(int rate, double hz, double q)
        {
            double k = Math.Tan(Math.PI * hz / rate), a0 = 1 + k / q + k * k;
            return new Biquad(1, -2, 1, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0);
        }

        public double Next(double x)
        {
            double y = b0 * x + b1 * _x1 + b2 * _x2 - a1 * _y1 - a2 * _y2;
            (_x2, _x1, _y2, _y1) = (_x1, x, _y1, y);
            return y;
        }
    }
}

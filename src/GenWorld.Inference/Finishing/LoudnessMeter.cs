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
        double[] blocks = BlockMeanSquares(clip, sampleRate);
        double[] loud = [.. blocks.Where(z => Lufs(z) > AbsoluteGate)];
        if (loud.Length == 0) return Silence;
        double relative = Lufs(loud.Average()) + RelativeGate;
        double[] gated = [.. loud.Where(z => Lufs(z) > relative)];
        return Lufs(gated.Length == 0 ? loud.Average() : gated.Average());
    }

    private static double Lufs(double meanSquare) => meanSquare <= 0 ? Silence : Offset + 10 * Math.Log10(meanSquare);

    /// <summary>
    /// Mean K-weighted square of each 400 ms block (75 % overlap) in one pass, keeping only the running sum at the
    /// blocks' edges: no array the length of the clip. Why: a finished 2 s clip at 48 kHz is metered on every decode,
    /// and two clip-long double arrays per decode (1.5 MB on the large object heap) set off most of the world's
    /// full garbage collections. The sums are the same, in the same order, as a prefix-sum array's.
    /// </summary>
    private static double[] BlockMeanSquares(ReadOnlySpan<float> clip, int rate)
    {
        int block = Math.Min(clip.Length, (int)Math.Round(0.4 * rate));
        int step = Math.Max(1, block / 4);
        int count = (clip.Length - block) / step + 1;
        var atStart = new double[count];
        var atEnd = new double[count];
        Biquad shelf = Biquad.HighShelf(rate, 1681.974450955533, 3.999843853973347, 0.7071752369554196);
        Biquad highPass = Biquad.KHighPass(rate, 38.13547087602444, 0.5003270373238773);
        double sum = 0;   // the K-weighted squares of samples 0 … i−1
        int starts = 0, ends = 0;   // blocks whose start (end) edge has been passed
        for (int i = 0; i <= clip.Length; i++)
        {
            if (starts < count && starts * step == i) atStart[starts++] = sum;
            if (ends < count && ends * step + block == i) atEnd[ends++] = sum;
            if (i == clip.Length) break;
            double y = highPass.Next(shelf.Next(clip[i]));
            sum += y * y;
        }
        var meanSquares = new double[count];
        for (int k = 0; k < count; k++) meanSquares[k] = (atEnd[k] - atStart[k]) / block;
        return meanSquares;
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

namespace GenWorld.Core.Dsp;

/// <summary>In-place iterative radix-2 complex FFT (Cooley–Tukey), double precision; sizes must be powers of two.</summary>
public static class Fft
{
    /// <summary>Transforms (re, im) in place. The inverse includes the 1/N scale, so Inverse(Forward(x)) = x.</summary>
    public static void Transform(Span<double> re, Span<double> im, bool inverse = false)
    {
        int n = re.Length;
        if (im.Length != n) throw new ArgumentException($"re has {n} values but im has {im.Length}.", nameof(im));
        if (!IsPowerOfTwo(n)) throw new ArgumentException($"FFT size must be a power of two, got {n}.", nameof(re));
        BitReverse(re, im);
        double sign = inverse ? 1 : -1;
        for (int size = 2; size <= n; size <<= 1)
        {
            int half = size >> 1;
            double step = sign * 2 * Math.PI / size;
            // Twiddles by recurrence would drift; Sin/Cos per butterfly column is exact enough and cheap at these sizes.
            for (int k = 0; k < half; k++)
            {
                double wr = Math.Cos(step * k), wi = Math.Sin(step * k);
                for (int start = 0; start < n; start += size)
                {
                    int a = start + k, b = a + half;
                    double tr = wr * re[b] - wi * im[b];
                    double ti = wr * im[b] + wi * re[b];
                    re[b] = re[a] - tr; im[b] = im[a] - ti;
                    re[a] += tr; im[a] += ti;
                }
            }
        }
        if (!inverse) return;
        double scale = 1.0 / n;
        for (int i = 0; i < n; i++) { re[i] *= scale; im[i] *= scale; }
    }

    /// <summary>True for 1, 2, 4, 8, ...</summary>
    public static bool IsPowerOfTwo(int n) => n > 0 && (n & (n - 1)) == 0;

    private static void BitReverse(Span<double> re, Span<double> im)
    {
        int n = re.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j |= bit;
            if (i >= j) continue;
            (re[i], re[j]) = (re[j], re[i]);
            (im[i], im[j]) = (im[j], im[i]);
        }
    }
}

namespace GenWorld.World.Emitters;

/// <summary>
/// Band-limited resampling with a Lanczos-3 kernel (cut off at the lower Nyquist), so a 16 kHz clip played at 48 kHz has
/// no images above 8 kHz. Rates with a small ratio (16 k → 48 k is 3:1) reuse one precomputed kernel per output phase,
/// which keeps it a few milliseconds per clip; others compute the kernel per sample.
/// </summary>
internal static class Resampler
{
    private const int Lobes = 3;
    private const int MaxPhases = 512;

    public static float[] Convert(float[] samples, int from, int to)
    {
        if (from == to || samples.Length == 0) return samples;
        var result = new float[(int)((long)samples.Length * to / from)];
        int g = Gcd(from, to), up = to / g, down = from / g;
        double cutoff = Math.Min(1.0, (double)to / from); // relative to the input Nyquist
        int reach = (int)Math.Ceiling(Lobes / cutoff);
        int phases = up <= MaxPhases ? up : 0;
        float[][] table = [.. Enumerable.Range(0, phases).Select(p => Kernel((double)p / up, reach, cutoff))];
        for (int i = 0; i < result.Length; i++)
        {
            long position = (long)i * down; // input position of output i, in units of 1/up
            int whole = (int)(position / up);
            float[] kernel = phases > 0 ? table[(int)(position % up)] : Kernel((double)(position % up) / up, reach, cutoff);
            double sum = 0, weights = 0;
            for (int k = 0; k < kernel.Length; k++)
            {
                int j = whole - reach + k;
                if (j < 0 || j >= samples.Length) continue;
                sum += kernel[k] * samples[j];
                weights += kernel[k];
            }
            result[i] = weights > 1e-9 ? (float)(sum / weights) : 0f;
        }
        return result;
    }

    /// <summary>Weights for input samples whole−reach … whole+reach when the output lies <paramref name="fraction"/> past whole.</summary>
    private static float[] Kernel(double fraction, int reach, double cutoff)
    {
        var kernel = new float[(2 * reach) + 1];
        for (int k = 0; k < kernel.Length; k++)
        {
            double x = (k - reach - fraction) * cutoff;
            kernel[k] = Math.Abs(x) >= Lobes ? 0f : (float)(Sinc(x) * Sinc(x / Lobes));
        }
        return kernel;
    }

    private static double Sinc(double x) => Math.Abs(x) < 1e-9 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}

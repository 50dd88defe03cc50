namespace GenWorld.World.Emitters;

/// <summary>
/// Band-limited resampling with a Lanczos-3 kernel (cut off at the lower Nyquist), so a 16 kHz clip played at 48 kHz has
/// no images above 8 kHz. Small and offline: one clip at a time on the generation worker.
/// </summary>
internal static class Resampler
{
    private const int Lobes = 3;

    public static float[] Convert(float[] samples, int from, int to)
    {
        if (from == to || samples.Length == 0) return samples;
        var result = new float[(int)((long)samples.Length * to / from)];
        double step = (double)from / to;
        double cutoff = Math.Min(1.0, (double)to / from); // relative to the input Nyquist
        double reach = Lobes / cutoff;
        for (int i = 0; i < result.Length; i++)
        {
            double centre = i * step;
            int first = (int)Math.Ceiling(centre - reach), last = (int)Math.Floor(centre + reach);
            double sum = 0, weights = 0;
            for (int j = Math.Max(0, first); j <= Math.Min(samples.Length - 1, last); j++)
            {
                double x = (j - centre) * cutoff;
                double w = Sinc(x) * Sinc(x / Lobes);
                sum += w * samples[j];
                weights += w;
            }
            result[i] = weights > 1e-9 ? (float)(sum / weights) : 0f;
        }
        return result;
    }

    private static double Sinc(double x) => Math.Abs(x) < 1e-9 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);
}

using GenWorld.Core.Dsp;

namespace GenWorld.Cli.Commands;

/// <summary>
/// A tile's structure for the repeat measure of <c>evaluate texture</c>: the amplitude spectrum of its luminance
/// (averaged over 2×2 pixels, standardised to zero mean and unit variance), pooled over 2×2 frequency bins. Amplitudes
/// ignore where a motif sits (a circular shift changes only phases) and the standardisation ignores colour and
/// contrast, so two tiles that repeat one motif in other places or colours are near each other; compared pixel by pixel
/// they were not (the shipped model's swirls scored like real tiles).
/// </summary>
internal static class TileStructure
{
    /// <summary>The feature of a square planar RGB tile (3·side² bytes, side a power of two ≥ 8).</summary>
    public static float[] Of(byte[] rgb)
    {
        ArgumentNullException.ThrowIfNull(rgb);
        int plane = rgb.Length / 3, side = (int)Math.Sqrt(plane), n = side / 2;
        if (side * side != plane || !Fft.IsPowerOfTwo(n) || n < 4)
            throw new ArgumentException($"A tile of {rgb.Length} bytes is not a square planar RGB tile with a power-of-two side >= 8.", nameof(rgb));
        var re = new double[n * n];
        var im = new double[n * n];
        for (int y = 0; y < n; y++)
            for (int x = 0; x < n; x++)
            {
                double sum = 0;
                for (int dy = 0; dy < 2; dy++)
                    for (int dx = 0; dx < 2; dx++)
                    {
                        int p = (2 * y + dy) * side + 2 * x + dx;
                        sum += 0.299 * rgb[p] + 0.587 * rgb[plane + p] + 0.114 * rgb[2 * plane + p];
                    }
                re[y * n + x] = sum / 4;
            }
        double mean = re.Average(), std = Math.Sqrt(re.Average(v => (v - mean) * (v - mean)));
        for (int i = 0; i < re.Length; i++) re[i] = (re[i] - mean) / (std + 1); // +1 grey level: flat tiles stay finite
        Transform2d(re, im, n);
        var feature = new float[n / 2 * (n / 2)];
        for (int v = 0; v < n; v++)
            for (int u = 0; u < n; u++)
                feature[v / 2 * (n / 2) + u / 2] += (float)(Math.Sqrt(re[v * n + u] * re[v * n + u] + im[v * n + u] * im[v * n + u]) / n);
        return feature;
    }

    private static void Transform2d(double[] re, double[] im, int n)
    {
        for (int row = 0; row < n; row++) Fft.Transform(re.AsSpan(row * n, n), im.AsSpan(row * n, n));
        var cr = new double[n];
        var ci = new double[n];
        for (int col = 0; col < n; col++)
        {
            for (int k = 0; k < n; k++) { cr[k] = re[k * n + col]; ci[k] = im[k * n + col]; }
            Fft.Transform(cr, ci);
            for (int k = 0; k < n; k++) { re[k * n + col] = cr[k]; im[k * n + col] = ci[k]; }
        }
    }
}

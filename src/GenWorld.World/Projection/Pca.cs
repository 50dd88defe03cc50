namespace GenWorld.World.Projection;

/// <summary>
/// Principal components of row-major data, computed in double precision with cyclic Jacobi rotations on the covariance:
/// no randomness, so the same anchors always give the same axes. Signs are fixed so each axis's largest entry is positive.
/// </summary>
public sealed class Pca
{
    private Pca(double[] mean, double[][] axes, double[] variances)
    {
        Mean = mean;
        Axes = axes;
        Variances = variances;
    }

    /// <summary>Mean of the data.</summary>
    public IReadOnlyList<double> Mean { get; }

    /// <summary>Unit principal axes, strongest first.</summary>
    public IReadOnlyList<double[]> Axes { get; }

    /// <summary>Variance along each axis, strongest first.</summary>
    public IReadOnlyList<double> Variances { get; }

    /// <summary>Share of the total variance the first <paramref name="components"/> axes hold.</summary>
    public double ExplainedShare(int components) => Variances.Take(components).Sum() / Math.Max(Variances.Sum(), 1e-300);

    /// <summary>Fits <paramref name="data"/> (rows of <paramref name="width"/> values).</summary>
    public static Pca Fit(ReadOnlySpan<float> data, int width)
    {
        if (width < 1 || data.Length == 0 || data.Length % width != 0)
            throw new ArgumentException($"data ({data.Length} values) is not a whole number of rows of {width}.", nameof(data));
        int n = data.Length / width;
        var mean = new double[width];
        for (int r = 0; r < n; r++)
            for (int c = 0; c < width; c++) mean[c] += data[(r * width) + c];
        for (int c = 0; c < width; c++) mean[c] /= n;
        var cov = new double[width, width];
        for (int r = 0; r < n; r++)
            for (int a = 0; a < width; a++)
            {
                double da = data[(r * width) + a] - mean[a];
                for (int b = a; b < width; b++) cov[a, b] += da * (data[(r * width) + b] - mean[b]);
            }
        for (int a = 0; a < width; a++)
            for (int b = a; b < width; b++) cov[b, a] = cov[a, b] /= Math.Max(1, n - 1);
        (double[] values, double[,] vectors) = Jacobi(cov);
        int[] order = [.. Enumerable.Range(0, width).OrderByDescending(i => values[i]).ThenBy(i => i)];
        var axes = new double[width][];
        for (int k = 0; k < width; k++)
        {
            axes[k] = new double[width];
            for (int i = 0; i < width; i++) axes[k][i] = vectors[i, order[k]];
            int strongest = 0;
            for (int i = 1; i < width; i++) if (Math.Abs(axes[k][i]) > Math.Abs(axes[k][strongest]) + 1e-12) strongest = i;
            if (axes[k][strongest] < 0) for (int i = 0; i < width; i++) axes[k][i] = -axes[k][i];
        }
        return new Pca(mean, axes, [.. order.Select(i => Math.Max(0, values[i]))]);
    }

    private static (double[] Values, double[,] Vectors) Jacobi(double[,] matrix)
    {
        int n = matrix.GetLength(0);
        var a = (double[,])matrix.Clone();
        var v = new double[n, n];
        for (int i = 0; i < n; i++) v[i, i] = 1;
        for (int sweep = 0; sweep < 100; sweep++)
        {
            double off = 0;
            for (int p = 0; p < n; p++) for (int q = p + 1; q < n; q++) off += a[p, q] * a[p, q];
            if (off < 1e-30) break;
            for (int p = 0; p < n; p++)
                for (int q = p + 1; q < n; q++)
                {
                    if (Math.Abs(a[p, q]) < 1e-300) continue;
                    double theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
                    double t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1));
                    double c = 1 / Math.Sqrt((t * t) + 1), s = t * c;
                    for (int k = 0; k < n; k++)
                    {
                        double akp = a[k, p], akq = a[k, q];
                        a[k, p] = (c * akp) - (s * akq);
                        a[k, q] = (s * akp) + (c * akq);
                    }
                    for (int k = 0; k < n; k++)
                    {
                        double apk = a[p, k], aqk = a[q, k];
                        a[p, k] = (c * apk) - (s * aqk);
                        a[q, k] = (s * apk) + (c * aqk);
                    }
                    for (int k = 0; k < n; k++)
                    {
                        double vkp = v[k, p], vkq = v[k, q];
                        v[k, p] = (c * vkp) - (s * vkq);
                        v[k, q] = (s * vkp) + (c * vkq);
                    }
                }
        }
        var values = new double[n];
        for (int i = 0; i < n; i++) values[i] = a[i, i];
        return (values, v);
    }
}

using System.Numerics;

namespace GenWorld.World.Projection;

/// <summary>
/// Trustworthiness (Venna &amp; Kaski 2001): 1 − 2/(n·k·(2n−3k−1)) · Σᵢ Σ_{j ∈ Uₖ(i)} (r(i,j) − k), where Uₖ(i) are the
/// points among i's k nearest in the projection that are not among its k nearest in the latent space and r(i,j) is j's
/// rank by latent distance from i. 1.0 means no false neighbours. With <c>sample</c> the outer sum runs over an evenly
/// spaced subset of m points (neighbours still over all n) and n·k becomes m·k in the normaliser.
/// </summary>
public static class Trustworthiness
{
    /// <summary>Computes T(k) for <paramref name="high"/> (rows of <paramref name="width"/>) projected to <paramref name="low"/>.</summary>
    public static double Compute(ReadOnlySpan<float> high, int width, IReadOnlyList<Vector3> low, int k = 10, int? sample = null)
    {
        int n = low.Count;
        if (high.Length != n * width) throw new ArgumentException($"{high.Length} latent values for {n} points of width {width}.", nameof(high));
        if (k < 1 || 3 * k >= 2 * n - 1) throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be 1..{(2 * n - 2) / 3} for {n} points.");
        int m = Math.Min(n, sample ?? n);
        float[] data = high.ToArray();
        Vector3[] points = [.. low];
        var penalties = new double[m];
        Parallel.For(0, m, new ParallelOptions { MaxDegreeOfParallelism = 2 }, s =>
        {
            int i = (int)((long)s * n / m);
            var dh = new float[n];
            var dl = new float[n];
            for (int j = 0; j < n; j++)
            {
                float sum = 0;
                for (int c = 0; c < width; c++) { float d = data[(i * width) + c] - data[(j * width) + c]; sum += d * d; }
                dh[j] = sum;
                dl[j] = Vector3.DistanceSquared(points[i], points[j]);
            }
            int[] highNear = NearestIndices(dh, i, k), lowNear = NearestIndices(dl, i, k);
            double penalty = 0;
            foreach (int j in lowNear)
            {
                if (Array.IndexOf(highNear, j) >= 0) continue;
                int rank = 1;
                for (int q = 0; q < n; q++)
                    if (q != i && (dh[q] < dh[j] || (dh[q] == dh[j] && q < j))) rank++;
                penalty += rank - k;
            }
            penalties[s] = penalty;
        });
        return 1 - (2.0 / ((double)m * k * ((2.0 * n) - (3.0 * k) - 1)) * penalties.Sum());
    }

    /// <summary>Baseline: T(k) of a seeded random orthonormal 3D linear projection of the same data (what PCA should beat).</summary>
    public static double RandomProjectionBaseline(ReadOnlySpan<float> high, int width, int k = 10, int? sample = null, int seed = 1)
    {
        var random = new Random(seed);
        var axes = new double[3][];
        for (int a = 0; a < 3; a++)
        {
            axes[a] = [.. Enumerable.Range(0, width).Select(_ => random.NextDouble() - 0.5)];
            for (int b = 0; b < a; b++)
            {
                double dot = axes[a].Zip(axes[b], (x, y) => x * y).Sum();
                for (int c = 0; c < width; c++) axes[a][c] -= dot * axes[b][c];
            }
            double norm = Math.Sqrt(axes[a].Sum(x => x * x));
            for (int c = 0; c < width; c++) axes[a][c] /= norm;
        }
        int n = high.Length / width;
        var low = new Vector3[n];
        Span<float> p = stackalloc float[3];
        for (int i = 0; i < n; i++)
        {
            for (int a = 0; a < 3; a++)
            {
                double dot = 0;
                for (int c = 0; c < width; c++) dot += high[(i * width) + c] * axes[a][c];
                p[a] = (float)dot;
            }
            low[i] = new Vector3(p[0], p[1], p[2]);
        }
        return Compute(high, width, low, k, sample);
    }

    /// <summary>Indices of the k smallest distances, excluding <paramref name="self"/> (ties by index).</summary>
    private static int[] NearestIndices(float[] distances, int self, int k)
    {
        var best = new List<int>(k + 1);
        for (int j = 0; j < distances.Length; j++)
        {
            if (j == self) continue;
            if (best.Count == k && distances[j] >= distances[best[^1]]) continue;
            int at = best.Count;
            while (at > 0 && distances[best[at - 1]] > distances[j]) at--;
            best.Insert(at, j);
            if (best.Count > k) best.RemoveAt(k);
        }
        return [.. best];
    }
}

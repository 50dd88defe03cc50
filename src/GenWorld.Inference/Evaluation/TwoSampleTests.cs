namespace GenWorld.Inference.Evaluation;

/// <summary>
/// How well two sets of feature vectors can be told apart. 1-NN two-sample accuracy (Lopez-Paz &amp; Oquab 2017):
/// pool both sets, label each vector by its nearest other vector (Euclidean after z-scoring every feature on the pooled
/// set); 0.5 means indistinguishable, 1.0 fully separable. Fréchet distance (as FID/FAD) between Gaussians fitted to
/// each set: |μa − μb|² + Tr(Σa + Σb − 2(Σa Σb)^½).
/// </summary>
public static class TwoSampleTests
{
    /// <summary>Leave-one-out 1-NN accuracy of telling <paramref name="a"/> from <paramref name="b"/>.</summary>
    public static double NearestNeighbourAccuracy(IReadOnlyList<float[]> a, IReadOnlyList<float[]> b)
    {
        double[][] pooled = Standardise([.. a, .. b]);
        int n = pooled.Length, correct = 0;
        for (int i = 0; i < n; i++)
        {
            int best = -1;
            double bestDistance = double.MaxValue;
            for (int j = 0; j < n; j++)
            {
                if (j == i) continue;
                double d = 0;
                for (int k = 0; k < pooled[i].Length; k++) { double t = pooled[i][k] - pooled[j][k]; d += t * t; }
                if (d < bestDistance) { bestDistance = d; best = j; }
            }
            if ((i < a.Count) == (best < a.Count)) correct++;
        }
        return (double)correct / n;
    }

    /// <summary>Fréchet distance between Gaussians fitted to the two sets (features z-scored on the pooled set first).</summary>
    public static double FrechetDistance(IReadOnlyList<float[]> a, IReadOnlyList<float[]> b)
    {
        double[][] pooled = Standardise([.. a, .. b]);
        var (muA, covA) = Moments(pooled[..a.Count]);
        var (muB, covB) = Moments(pooled[a.Count..]);
        double distance = 0;
        for (int i = 0; i < muA.Length; i++) distance += (muA[i] - muB[i]) * (muA[i] - muB[i]);
        // Tr((Σa Σb)^½) = Σ √λ over the eigenvalues of Σa^½ Σb Σa^½ (symmetric, positive semi-definite).
        double[,] rootA = SymmetricEigen.Function(covA, Math.Sqrt);
        double[,] inner = SymmetricEigen.Multiply(SymmetricEigen.Multiply(rootA, covB), rootA);
        double traceRoot = SymmetricEigen.Values(inner).Sum(v => Math.Sqrt(Math.Max(0, v)));
        for (int i = 0; i < muA.Length; i++) distance += covA[i, i] + covB[i, i];
        return distance - 2 * traceRoot;
    }

    /// <summary>
    /// The features that tell set <paramref name="a"/> from set <paramref name="b"/> most: each feature's difference of
    /// means over the pooled standard deviation (Cohen's d), largest magnitude first. Says what gives generated clips away.
    /// </summary>
    public static IReadOnlyList<(int Feature, double EffectSize)> MostSeparating(IReadOnlyList<float[]> a, IReadOnlyList<float[]> b, int top)
    {
        int d = a[0].Length;
        var effects = new List<(int, double)>(d);
        for (int k = 0; k < d; k++)
        {
            (double meanA, double varA) = MeanVariance(a, k);
            (double meanB, double varB) = MeanVariance(b, k);
            double pooled = Math.Sqrt((varA + varB) / 2) + 1e-9;
            effects.Add((k, (meanA - meanB) / pooled));
        }
        return [.. effects.OrderByDescending(e => Math.Abs(e.Item2)).Take(top)];
    }

    private static (double Mean, double Variance) MeanVariance(IReadOnlyList<float[]> vectors, int k)
    {
        double mean = vectors.Average(v => (double)v[k]);
        return (mean, vectors.Sum(v => (v[k] - mean) * (v[k] - mean)) / Math.Max(1, vectors.Count - 1));
    }

    private static double[][] Standardise(List<float[]> vectors)
    {
        int d = vectors[0].Length, n = vectors.Count;
        var mean = new double[d];
        var sd = new double[d];
        foreach (float[] v in vectors) for (int k = 0; k < d; k++) mean[k] += v[k] / (double)n;
        foreach (float[] v in vectors) for (int k = 0; k < d; k++) sd[k] += (v[k] - mean[k]) * (v[k] - mean[k]) / n;
        for (int k = 0; k < d; k++) sd[k] = Math.Sqrt(sd[k]) + 1e-9;
        return [.. vectors.Select(v => Enumerable.Range(0, d).Select(k => (v[k] - mean[k]) / sd[k]).ToArray())];
    }

    private static (double[] Mean, double[,] Covariance) Moments(double[][] x)
    {
        int n = x.Length, d = x[0].Length;
        var mean = new double[d];
        foreach (double[] v in x) for (int k = 0; k < d; k++) mean[k] += v[k] / n;
        var cov = new double[d, d];
        foreach (double[] v in x)
            for (int i = 0; i < d; i++)
                for (int j = i; j < d; j++) cov[i, j] += (v[i] - mean[i]) * (v[j] - mean[j]) / (n - 1);
        for (int i = 0; i < d; i++) for (int j = 0; j < i; j++) cov[i, j] = cov[j, i];
        return (mean, cov);
    }
}

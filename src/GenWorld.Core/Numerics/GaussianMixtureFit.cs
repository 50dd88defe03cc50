namespace GenWorld.Core.Numerics;

/// <summary>
/// Expectation-maximisation for a diagonal Gaussian mixture (the <see cref="LatentPrior"/> of a sound VAE): means
/// started by k-means++ seeding (each next start drawn in proportion to its squared distance from the nearest chosen one,
/// so two starts in one cluster cannot leave a component straddling two clusters), a variance floor so no component collapses onto one clip, a fixed number of
/// iterations (the fit is small: thousands of 16-value codes).
/// </summary>
public static class GaussianMixtureFit
{
    /// <summary>The mixture of <paramref name="components"/> Gaussians fitted to <paramref name="points"/>.</summary>
    public static LatentPrior Fit(IReadOnlyList<float[]> points, int components, int seed, int iterations = 60, double varianceFloor = 1e-3)
    {
        ArgumentNullException.ThrowIfNull(points);
        int n = points.Count, d = points[0].Length;
        if (n < 2 * components) throw new ArgumentException($"{n} points are too few for {components} components (need at least {2 * components}).", nameof(points));
        int[] starts = KMeansPlusPlusStarts(points, components, new Random(seed));
        var mean = new double[components][];
        var variance = new double[components][];
        var weight = new double[components];
        double[] globalVariance = Variance(points, Enumerable.Repeat(1.0, n).ToArray(), Mean(points, Enumerable.Repeat(1.0, n).ToArray()));
        for (int k = 0; k < components; k++)
        {
            mean[k] = [.. points[starts[k]].Select(v => (double)v)];
            variance[k] = [.. globalVariance.Select(v => Math.Max(v, varianceFloor))];
            weight[k] = 1.0 / components;
        }
        var resp = new double[n, components];
        for (int it = 0; it < iterations; it++)
        {
            // E step in log space: a far point must not underflow every component to zero.
            for (int i = 0; i < n; i++)
            {
                double best = double.NegativeInfinity;
                for (int k = 0; k < components; k++)
                {
                    double log = Math.Log(weight[k] + 1e-300);
                    for (int j = 0; j < d; j++)
                    {
                        double diff = points[i][j] - mean[k][j];
                        log -= 0.5 * ((diff * diff / variance[k][j]) + Math.Log(variance[k][j]));
                    }
                    resp[i, k] = log;
                    best = Math.Max(best, log);
                }
                double total = 0;
                for (int k = 0; k < components; k++) total += resp[i, k] = Math.Exp(resp[i, k] - best);
                for (int k = 0; k < components; k++) resp[i, k] /= total;
            }
            // M step.
            for (int k = 0; k < components; k++)
            {
                double[] r = new double[n];
                for (int i = 0; i < n; i++) r[i] = resp[i, k];
                double mass = r.Sum();
                weight[k] = mass / n;
                if (mass < 1e-9) continue;
                mean[k] = Mean(points, r);
                variance[k] = [.. Variance(points, r, mean[k]).Select(v => Math.Max(v, varianceFloor))];
            }
        }
        double sum = weight.Sum();
        return new LatentPrior(
            [.. Enumerable.Range(0, components).Select(k => new LatentPrior.Component(weight[k] / sum, [.. mean[k].Select(v => (float)v)], [.. variance[k].Select(v => (float)Math.Sqrt(v))]))],
            n, $"diagonal Gaussian mixture, {components} components, EM {iterations} iterations, seed {seed}");
    }

    private static int[] KMeansPlusPlusStarts(IReadOnlyList<float[]> points, int components, Random random)
    {
        int n = points.Count;
        var starts = new int[components];
        var nearest = new double[n];
        Array.Fill(nearest, double.PositiveInfinity);
        starts[0] = random.Next(n);
        for (int k = 1; k < components; k++)
        {
            float[] last = points[starts[k - 1]];
            double total = 0;
            for (int i = 0; i < n; i++)
            {
                double distance = 0;
                for (int j = 0; j < last.Length; j++) distance += (points[i][j] - last[j]) * (points[i][j] - last[j]);
                nearest[i] = Math.Min(nearest[i], distance);
                total += nearest[i];
            }
            double pick = random.NextDouble() * total;
            int chosen = n - 1;
            for (int i = 0; i < n; i++)
            {
                pick -= nearest[i];
                if (pick < 0) { chosen = i; break; }
            }
            starts[k] = chosen;
        }
        return starts;
    }

    private static double[] Mean(IReadOnlyList<float[]> points, double[] weights)
    {
        int d = points[0].Length;
        var mean = new double[d];
        double total = weights.Sum();
        for (int i = 0; i < points.Count; i++)
            for (int j = 0; j < d; j++) mean[j] += weights[i] * points[i][j] / total;
        return mean;
    }

    private static double[] Variance(IReadOnlyList<float[]> points, double[] weights, double[] mean)
    {
        int d = points[0].Length;
        var variance = new double[d];
        double total = weights.Sum();
        for (int i = 0; i < points.Count; i++)
            for (int j = 0; j < d; j++) variance[j] += weights[i] * (points[i][j] - mean[j]) * (points[i][j] - mean[j]) / total;
        return variance;
    }
}

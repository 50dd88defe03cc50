namespace GenWorld.Inference.Evaluation;

/// <summary>
/// Seeded k-means (k-means++ initialisation, Lloyd iterations) over dense feature vectors: the bins of
/// <see cref="NumberOfDifferentBins"/>. Deterministic for a seed, so evaluations repeat exactly.
/// </summary>
public sealed class KMeans
{
    private readonly float[][] _centroids;

    private KMeans(float[][] centroids) => _centroids = centroids;

    /// <summary>Number of clusters.</summary>
    public int K => _centroids.Length;

    /// <summary>Fits <paramref name="k"/> clusters to <paramref name="points"/> (all the same length, at least k of them).</summary>
    public static KMeans Fit(IReadOnlyList<float[]> points, int k, int seed = 1, int iterations = 50)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (points.Count < k) throw new ArgumentException($"k-means needs at least k = {k} points, got {points.Count}.", nameof(points));
        int dim = points[0].Length;
        if (points.Any(p => p.Length != dim)) throw new ArgumentException("All points must have the same length.", nameof(points));
        var random = new Random(seed);
        var centroids = new List<float[]> { (float[])points[random.Next(points.Count)].Clone() };
        var nearest = points.Select(p => Distance(p, centroids[0])).ToArray();
        while (centroids.Count < k)
        {
            // k-means++: the next centre is drawn with probability proportional to the squared distance to the nearest one.
            double total = nearest.Sum(), pick = random.NextDouble() * total;
            int chosen = 0;
            for (double run = 0; chosen < points.Count - 1; chosen++)
                if ((run += nearest[chosen]) >= pick) break;
            centroids.Add((float[])points[chosen].Clone());
            for (int i = 0; i < points.Count; i++) nearest[i] = Math.Min(nearest[i], Distance(points[i], centroids[^1]));
        }
        var model = new KMeans([.. centroids]);
        for (int iteration = 0; iteration < iterations; iteration++)
        {
            int[] labels = [.. points.Select(model.Assign)];
            var sums = new double[k][];
            var counts = new int[k];
            for (int c = 0; c < k; c++) sums[c] = new double[dim];
            for (int i = 0; i < points.Count; i++)
            {
                counts[labels[i]]++;
                for (int d = 0; d < dim; d++) sums[labels[i]][d] += points[i][d];
            }
            bool moved = false;
            for (int c = 0; c < k; c++)
            {
                if (counts[c] == 0) continue; // an empty cluster keeps its centre
                for (int d = 0; d < dim; d++)
                {
                    float v = (float)(sums[c][d] / counts[c]);
                    moved |= v != model._centroids[c][d];
                    model._centroids[c][d] = v;
                }
            }
            if (!moved) break;
        }
        return model;
    }

    /// <summary>Index of the nearest centroid (squared Euclidean distance).</summary>
    public int Assign(float[] point)
    {
        ArgumentNullException.ThrowIfNull(point);
        int best = 0;
        double bestDistance = double.MaxValue;
        for (int c = 0; c < _centroids.Length; c++)
        {
            double d = Distance(point, _centroids[c]);
            if (d < bestDistance) (best, bestDistance) = (c, d);
        }
        return best;
    }

    private static double Distance(float[] a, float[] b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"Point has {a.Length} values, centroids {b.Length}.");
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }
}

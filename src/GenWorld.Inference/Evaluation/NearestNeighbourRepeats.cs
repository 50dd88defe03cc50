namespace GenWorld.Inference.Evaluation;

/// <summary>
/// How often a generator repeats itself: the share of generated samples whose nearest other generated sample is closer
/// than the median nearest-neighbour distance among real samples. Real data scores about 0.5 against its own median by
/// construction; a generator that draws one motif for many seeds scores near 1 (every tile has a near-twin). Features
/// are compared by Euclidean distance; the caller picks them (for textures: each tile's standardised luminance, so a
/// motif repeated in another colour still counts as a repeat).
/// </summary>
public static class NearestNeighbourRepeats
{
    /// <summary>Median over <paramref name="samples"/> of the distance to the nearest other sample of the same set.</summary>
    public static double MedianNearestDistance(IReadOnlyList<float[]> samples)
    {
        double[] nearest = NearestDistances(samples);
        Array.Sort(nearest);
        int n = nearest.Length;
        return n % 2 == 1 ? nearest[n / 2] : 0.5 * (nearest[n / 2 - 1] + nearest[n / 2]);
    }

    /// <summary>Share of <paramref name="samples"/> whose nearest other sample of the same set is closer than <paramref name="threshold"/>.</summary>
    public static double ShareCloserThan(IReadOnlyList<float[]> samples, double threshold) =>
        NearestDistances(samples).Count(d => d < threshold) / (double)samples.Count;

    /// <summary>For each sample, the distance to its nearest other sample (needs at least two samples of one length).</summary>
    public static double[] NearestDistances(IReadOnlyList<float[]> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count < 2) throw new ArgumentException($"Nearest neighbours need at least two samples, got {samples.Count}.", nameof(samples));
        int length = samples[0].Length;
        if (samples.Any(s => s.Length != length)) throw new ArgumentException("Every sample needs the same feature length.", nameof(samples));
        var nearest = new double[samples.Count];
        Array.Fill(nearest, double.PositiveInfinity);
        for (int i = 0; i < samples.Count; i++)
        {
            for (int j = i + 1; j < samples.Count; j++)
            {
                double d = SquaredDistance(samples[i], samples[j]);
                if (d < nearest[i]) nearest[i] = d;
                if (d < nearest[j]) nearest[j] = d;
            }
        }
        for (int i = 0; i < nearest.Length; i++) nearest[i] = Math.Sqrt(nearest[i]);
        return nearest;
    }

    private static double SquaredDistance(float[] a, float[] b)
    {
        float sum = 0;
        for (int k = 0; k < a.Length; k++)
        {
            float d = a[k] - b[k];
            sum += d * d;
        }
        return sum;
    }
}

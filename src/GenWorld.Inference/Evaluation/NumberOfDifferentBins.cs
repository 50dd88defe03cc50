namespace GenWorld.Inference.Evaluation;

/// <summary>
/// NDB (Richardson &amp; Weiss 2018): the share of k-means bins, fitted on real training features, where two sample sets
/// fall in significantly different proportions (two-sided two-proportion z-test, p &lt; 0.05 by default). Low is good; a
/// real-vs-real comparison gives the floor. Mode collapse shows as many bins over- or under-filled.
/// </summary>
public static class NumberOfDifferentBins
{
    /// <summary>|z| above which a bin counts as different at p &lt; 0.05 (two-sided).</summary>
    public const double Z05 = 1.959964;

    /// <summary>NDB / K between <paramref name="a"/> and <paramref name="b"/> under the bins of <paramref name="bins"/>.</summary>
    public static double Ratio(KMeans bins, IReadOnlyList<float[]> a, IReadOnlyList<float[]> b, double criticalZ = Z05) =>
        (double)Count(bins, a, b, criticalZ) / bins.K;

    /// <summary>Number of bins whose proportions differ.</summary>
    public static int Count(KMeans bins, IReadOnlyList<float[]> a, IReadOnlyList<float[]> b, double criticalZ = Z05)
    {
        ArgumentNullException.ThrowIfNull(bins);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 || b.Count == 0) throw new ArgumentException("NDB needs two non-empty sample sets.");
        int[] countA = Histogram(bins, a), countB = Histogram(bins, b);
        int different = 0;
        for (int k = 0; k < bins.K; k++)
            if (Math.Abs(Z(countA[k], a.Count, countB[k], b.Count)) > criticalZ) different++;
        return different;
    }

    /// <summary>Two-proportion z statistic with the pooled proportion; 0 when both are 0 or 1 (no evidence of a difference).</summary>
    public static double Z(int hitsA, int totalA, int hitsB, int totalB)
    {
        double pa = (double)hitsA / totalA, pb = (double)hitsB / totalB;
        double p = (double)(hitsA + hitsB) / (totalA + totalB);
        double se = Math.Sqrt(p * (1 - p) * (1.0 / totalA + 1.0 / totalB));
        return se > 0 ? (pa - pb) / se : 0;
    }

    private static int[] Histogram(KMeans bins, IReadOnlyList<float[]> samples)
    {
        var counts = new int[bins.K];
        foreach (float[] s in samples) counts[bins.Assign(s)]++;
        return counts;
    }
}

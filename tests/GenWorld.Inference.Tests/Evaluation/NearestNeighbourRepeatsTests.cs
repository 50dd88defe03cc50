using GenWorld.Inference.Evaluation;

namespace GenWorld.Inference.Tests.Evaluation;

public sealed class NearestNeighbourRepeatsTests
{
    private static float[][] Uniform(int n, int dims, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, dims).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray())];
    }

    [Fact]
    public void A_sample_like_the_reference_scores_about_half_and_one_that_repeats_itself_scores_near_one()
    {
        float[][] reference = Uniform(400, 16, 1), alike = Uniform(400, 16, 2);
        double threshold = NearestNeighbourRepeats.MedianNearestDistance(reference);
        Assert.True(threshold > 0);
        Assert.InRange(NearestNeighbourRepeats.ShareCloserThan(alike, threshold), 0.4, 0.6);

        // Forty motifs, each drawn ten times with a little noise: every sample has a near-twin.
        var random = new Random(3);
        float[][] motifs = Uniform(40, 16, 4);
        float[][] repeated = [.. Enumerable.Range(0, 400).Select(i => motifs[i % 40].Select(v => v + (float)(0.01 * (random.NextDouble() - 0.5))).ToArray())];
        Assert.True(NearestNeighbourRepeats.ShareCloserThan(repeated, threshold) > 0.95);
    }

    [Fact]
    public void Nearest_distances_are_exact_and_bad_input_is_refused()
    {
        float[][] points = [[0, 0], [3, 4], [0, 1]];
        Assert.Equal([1.0, Math.Sqrt(9 + 9), 1.0], NearestNeighbourRepeats.NearestDistances(points));
        Assert.Equal(1.0, NearestNeighbourRepeats.MedianNearestDistance(points));
        Assert.Throws<ArgumentException>(() => NearestNeighbourRepeats.NearestDistances([[1f]]));
        Assert.Throws<ArgumentException>(() => NearestNeighbourRepeats.NearestDistances([[1f], [1f, 2f]]));
    }
}

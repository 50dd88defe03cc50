using GenWorld.Inference.Evaluation;
using Xunit.Abstractions;

namespace GenWorld.Inference.Tests.Evaluation;

public sealed class NumberOfDifferentBinsTests(ITestOutputHelper output)
{
    private static List<float[]> Gaussian(int n, int seed, float shift = 0, float spread = 1, int dim = 8)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, dim).Select(d => shift + spread * Normal(random) + (d % 2 == 0 ? 0 : 0.5f)).ToArray())];
    }

    private static float Normal(Random r) => (float)(Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble()));

    [Fact]
    public void A_set_against_itself_has_no_different_bins_and_an_independent_draw_few()
    {
        var fit = Gaussian(2000, 1);
        KMeans bins = KMeans.Fit(fit, 50, seed: 3);
        var a = Gaussian(1000, 2);
        double self = NumberOfDifferentBins.Ratio(bins, a, a);
        double independent = NumberOfDifferentBins.Ratio(bins, a, Gaussian(1000, 4));
        output.WriteLine($"NDB/K self {self:F3}, two draws of one distribution {independent:F3}");
        Assert.Equal(0, self);
        // At p < 0.05 about 5% of bins differ by chance.
        Assert.InRange(independent, 0, 0.16);
    }

    [Fact]
    public void Shifted_narrowed_or_collapsed_distributions_differ_in_many_bins()
    {
        KMeans bins = KMeans.Fit(Gaussian(2000, 1), 50, seed: 3);
        var real = Gaussian(1000, 2);
        double shifted = NumberOfDifferentBins.Ratio(bins, real, Gaussian(1000, 5, shift: 0.7f));
        double narrow = NumberOfDifferentBins.Ratio(bins, real, Gaussian(1000, 6, spread: 0.4f));
        var one = Gaussian(1, 7)[0];
        double collapsed = NumberOfDifferentBins.Ratio(bins, real, [.. Enumerable.Repeat(one, 1000)]);
        output.WriteLine($"NDB/K shifted {shifted:F3}, narrowed {narrow:F3}, collapsed to one point {collapsed:F3}");
        Assert.True(shifted > 0.4, $"shifted {shifted}");
        Assert.True(narrow > 0.4, $"narrowed {narrow}");
        Assert.True(collapsed > 0.8, $"collapsed {collapsed}");
    }

    [Fact]
    public void The_z_statistic_matches_a_hand_computed_case_and_k_means_separates_clusters()
    {
        // 60/100 vs 40/100: pooled p = 0.5, se = sqrt(0.25 · 0.02) = 0.0707, z = 0.2 / 0.0707 = 2.828.
        Assert.Equal(2.828, NumberOfDifferentBins.Z(60, 100, 40, 100), 3);
        Assert.Equal(0, NumberOfDifferentBins.Z(0, 10, 0, 20));
        var points = Gaussian(300, 1, shift: -5, spread: 0.1f).Concat(Gaussian(300, 2, shift: 5, spread: 0.1f)).ToList();
        KMeans two = KMeans.Fit(points, 2, seed: 9);
        Assert.NotEqual(two.Assign(points[0]), two.Assign(points[^1]));
        Assert.All(points.Take(300), p => Assert.Equal(two.Assign(points[0]), two.Assign(p)));
        Assert.Throws<ArgumentException>(() => KMeans.Fit(points.Take(3).ToList(), 5));
    }
}

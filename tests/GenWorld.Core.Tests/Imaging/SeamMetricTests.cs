using GenWorld.Core.Imaging;

namespace GenWorld.Core.Tests.Imaging;

public sealed class SeamMetricTests
{
    [Fact]
    public void Wrap_around_blurred_noise_scores_about_one()
    {
        // Noise blurred with wrap-around is seamless by construction: the step from the last column to the first is
        // statistically like any other step, so the ratio is near 1 (256 edge samples: within about ±0.2).
        const int n = 128;
        var random = new Random(11);
        var noise = new double[n, n];
        for (var y = 0; y < n; y++) for (var x = 0; x < n; x++) noise[y, x] = random.NextDouble() * 255;
        PlanarImages tileable = Luma(n, n, (x, y) =>
        {
            double sum = 0;
            for (var dy = -2; dy <= 2; dy++) for (var dx = -2; dx <= 2; dx++) sum += noise[(y + dy + n) % n, (x + dx + n) % n];
            return sum / 25;
        });
        Assert.InRange(SeamMetric.Ratio(tileable), 0.8, 1.2);
    }

    [Fact]
    public void The_same_pattern_cut_off_period_scores_high()
    {
        // Cutting a seamless texture off-period (keeping 100 of 128 columns) makes the wrap step jump.
        PlanarImages shifted = Luma(100, 100, (x, y) => 128 + (100 * Math.Sin(2 * Math.PI * x / 128) * Math.Cos(2 * Math.PI * y / 128)));
        Assert.True(SeamMetric.Ratio(shifted) > 20, $"ratio {SeamMetric.Ratio(shifted)}");
    }

    [Fact]
    public void A_ramp_has_a_large_seam_and_phase_matching_needs_whole_cells()
    {
        PlanarImages ramp = Luma(64, 64, (x, _) => x * 4);
        Assert.True(SeamMetric.Ratio(ramp) > 100, $"ratio {SeamMetric.Ratio(ramp)}");
        Assert.True(SeamMetric.PhaseMatchedRatio(ramp, 16) > 100);
        Assert.Contains("multiples of 16", Assert.Throws<ArgumentException>(() => SeamMetric.PhaseMatchedRatio(Luma(24, 24, (x, _) => x), 16)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_small_or_flat_images_are_refused_with_a_reason()
    {
        Assert.Contains("H, W >= 2", Assert.Throws<ArgumentException>(() => SeamMetric.Ratio(Luma(1, 8, (_, _) => 0))).Message, StringComparison.Ordinal);
        Assert.Contains("flat", Assert.Throws<ArgumentException>(() => SeamMetric.Ratio(Luma(8, 8, (_, _) => 3))).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new PlanarImages(new float[5], 1, 1, 2, 2));
    }

    private static PlanarImages Luma(int width, int height, Func<int, int, double> value)
    {
        var values = new float[width * height];
        for (int y = 0; y < height; y++) for (int x = 0; x < width; x++) values[(y * width) + x] = (float)value(x, y);
        return new PlanarImages(values, 1, 1, height, width);
    }
}

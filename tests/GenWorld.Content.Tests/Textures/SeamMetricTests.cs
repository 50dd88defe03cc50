using GenWorld.Content.Textures;

namespace GenWorld.Content.Tests.Textures;

public sealed class SeamMetricTests
{
    [Fact]
    public void WrapAroundBlurredNoiseScoresAboutOne()
    {
        // Noise blurred with wrap-around is seamless by construction: the step from the last column to the first is
        // statistically like any other step, so the ratio is near 1 (256 edge samples: within about ±0.2).
        const int n = 128;
        var random = new Random(11);
        var noise = new double[n, n];
        for (var y = 0; y < n; y++) for (var x = 0; x < n; x++) noise[y, x] = random.NextDouble() * 255;
        var tileable = TestImages.FromLuma(n, n, (x, y) =>
        {
            double sum = 0;
            for (var dy = -2; dy <= 2; dy++) for (var dx = -2; dx <= 2; dx++) sum += noise[(y + dy + n) % n, (x + dx + n) % n];
            return sum / 25;
        });
        Assert.InRange(SeamMetric.Ratio(tileable), 0.8, 1.2);
    }

    [Fact]
    public void SameNoiseWithAShiftedSeamScoresHigh()
    {
        // Cutting a seamless texture off-period (keeping 100 of 128 columns) makes the wrap step jump.
        var shifted = TestImages.FromLuma(100, 100, (x, y) => 128 + 100 * Math.Sin(2 * Math.PI * x / 128) * Math.Cos(2 * Math.PI * y / 128));
        Assert.True(SeamMetric.Ratio(shifted) > 20, $"ratio {SeamMetric.Ratio(shifted)}");
    }

    [Fact]
    public void GradientHasALargeSeam()
    {
        var ramp = TestImages.FromLuma(64, 64, (x, y) => x * 4);
        Assert.True(SeamMetric.Ratio(ramp) > 100, $"ratio {SeamMetric.Ratio(ramp)}");
    }

    [Fact]
    public void TooSmallImageIsRejected() =>
        Assert.Throws<ArgumentException>(() => SeamMetric.Ratio(TestImages.FromLuma(1, 8, (_, _) => 0)));
}

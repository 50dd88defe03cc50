using GenWorld.Core.Imaging;
using GenWorld.Training.Textures;
using static TorchSharp.torch;

namespace GenWorld.Training.Tests.Textures;

[Collection("Torch")]
public sealed class SeamMetricTests
{
    [Fact]
    public void Stationary_noise_scores_one_and_a_ramp_scores_far_above()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        // White noise is stationary on the torus: the wrap pair has the same expected energy as any interior pair.
        Tensor noise = randn(32, 3, 64, 64);
        Assert.InRange(SeamMetric.Ratio(noise.Planar()), 0.95, 1.05);
        Assert.InRange(SeamMetric.PhaseMatchedRatio(noise.Planar(), 16), 0.95, 1.05);
        Tensor ramp = (arange(64, ScalarType.Float32) / 64).expand(1, 3, 64, 64);
        Assert.True(SeamMetric.Ratio(ramp.Planar()) > 100);
    }

    [Fact]
    public void Flat_images_and_bad_shapes_are_refused_with_a_reason()
    {
        Assert.Contains("flat", Assert.Throws<ArgumentException>(() => SeamMetric.Ratio(zeros(1, 3, 8, 8).Planar())).Message);
        Assert.Contains("[N, C, H, W]", Assert.Throws<ArgumentException>(() => SeamMetric.Ratio(zeros(3, 8, 8).Planar())).Message);
        Assert.Contains("multiples of 16", Assert.Throws<ArgumentException>(() => SeamMetric.PhaseMatchedRatio(ones(1, 3, 24, 24).Planar(), 16)).Message);
    }
}

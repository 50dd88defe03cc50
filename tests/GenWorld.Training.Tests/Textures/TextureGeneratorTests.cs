using GenWorld.Training.Textures;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GenWorld.Training.Tests.Textures;

[Collection("Torch")]
public sealed class TextureGeneratorTests(ITestOutputHelper output)
{
    [Fact]
    public void Same_weights_make_64_and_256_tiles()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        using var g = new TextureGenerator(8, 16);
        using var noGrad = no_grad();
        Assert.Equal(new long[] { 2, 3, 64, 64 }, g.forward(randn(2, 8, 4, 4)).shape);
        Tensor large = g.forward(randn(1, 8, 16, 16));
        Assert.Equal(new long[] { 1, 3, 256, 256 }, large.shape);
        Assert.True(large.abs().max().item<float>() <= 1f);
        Assert.True(large.std().item<float>() > 1e-3, "a constant tile proves nothing");
    }

    [Fact]
    public void Shifting_the_latent_grid_by_one_cell_shifts_the_tile_by_16_pixels_with_wrap_around()
    {
        // Exact circular equivariance is what makes every tile wrap: the wrap edge is an interior edge of a shifted tile.
        using var scope = NewDisposeScope();
        manual_seed(2);
        using var g = new TextureGenerator(8, 16);
        using var noGrad = no_grad();
        Tensor z = randn(2, 8, 4, 4);
        Tensor shifted = g.forward(z.roll(1, 3).roll(-1, 2));
        Tensor expected = g.forward(z).roll(16, 3).roll(-16, 2);
        double diff = (shifted - expected).abs().max().item<float>();
        output.WriteLine($"shift equivariance max |diff| = {diff:E2}");
        Assert.True(diff < 1e-5, $"max |diff| {diff:E3}");
    }

    [Fact]
    public void Generated_tiles_wrap_seamlessly_at_init()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var g = new TextureGenerator(8, 16);
        using var noGrad = no_grad();
        // Many samples: the wrap edge is one edge per tile, so its energy is a noisy average otherwise.
        Tensor tiles = g.forward(randn(256, 8, 4, 4));
        double phase = SeamMetric.PhaseMatchedRatio(tiles, 16), plain = SeamMetric.Ratio(tiles);
        double large = SeamMetric.PhaseMatchedRatio(g.forward(randn(32, 8, 16, 16)), 16);
        output.WriteLine($"SEAM init: phase-matched {phase:F3}, all-pairs {plain:F3}, 256 phase-matched {large:F3}");
        Assert.InRange(plain, 0.9, 1.1);
        Assert.InRange(phase, 0.9, 1.1);
        Assert.InRange(large, 0.9, 1.1);
    }

    [Fact]
    public void Rejects_a_latent_with_the_wrong_channel_count()
    {
        using var g = new TextureGenerator(8, 16);
        var e = Assert.Throws<ArgumentException>(() => g.forward(zeros(1, 4, 4, 4)));
        Assert.Contains("[N, 8, h, w]", e.Message);
    }
}

using GenWorld.Training.Export;
using static TorchSharp.torch;

namespace GenWorld.Training.Tests.Export;

[Collection("Torch")]
public sealed class CircularBlur2dTests
{
    [Fact]
    public void An_impulse_in_the_corner_spreads_as_the_binomial_kernel_across_the_wrap()
    {
        using var scope = NewDisposeScope();
        using var blur = new CircularBlur2d(2);
        Tensor x = zeros(1, 2, 5, 6);
        x[0, 1, 0, 0] = tensor(16f);
        Tensor y = blur.forward(x);
        // Row/column -1 is the last one: the corner impulse lands on all four corners of the torus.
        Assert.Equal(4f, y[0, 1, 0, 0].item<float>(), 5);
        Assert.Equal(2f, y[0, 1, 0, 5].item<float>(), 5);
        Assert.Equal(2f, y[0, 1, 4, 0].item<float>(), 5);
        Assert.Equal(1f, y[0, 1, 4, 5].item<float>(), 5);
        Assert.Equal(1f, y[0, 1, 1, 1].item<float>(), 5);
        Assert.Equal(16f, y.sum().item<float>(), 4);
        Assert.Equal(0f, y[0, 0].abs().sum().item<float>());
    }

    [Fact]
    public void It_has_nothing_to_train_and_commutes_with_circular_shifts()
    {
        using var scope = NewDisposeScope();
        using var blur = new CircularBlur2d(3);
        Assert.Empty(blur.parameters());
        Assert.Empty(blur.state_dict());
        manual_seed(7);
        Tensor x = randn(2, 3, 8, 8);
        double diff = (blur.forward(x.roll(3, 3).roll(-2, 2)) - blur.forward(x).roll(3, 3).roll(-2, 2)).abs().max().item<float>();
        Assert.True(diff < 1e-6, $"max |diff| {diff:E3}");
        // A low-pass: the neighbour-step energy drops.
        Tensor y = blur.forward(x);
        Assert.True((y.diff(dim: 3).square().mean().item<float>()) < 0.5 * x.diff(dim: 3).square().mean().item<float>());
        Assert.Throws<ArgumentException>(() => blur.forward(zeros(1, 2, 4, 4)));
    }
}

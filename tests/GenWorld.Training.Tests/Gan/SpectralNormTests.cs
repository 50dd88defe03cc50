using GenWorld.Training.Gan;
using GenWorld.Training.Tests.Export;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GenWorld.Training.Tests.Gan;

[Collection("Torch")]
public sealed class SpectralNormTests(ITestOutputHelper output)
{
    [Fact]
    public void Power_iteration_brings_the_largest_singular_value_to_one()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var layer = new SpectralNorm(nn.Conv2d(8, 16, 3, padding: 1));
        using (no_grad())
            layer.Inner.parameters().First().mul_(5);
        Tensor x = randn(2, 8, 6, 6);
        using (no_grad())
        {
            for (int i = 0; i < 40; i++) layer.forward(x);
        }
        layer.eval();
        Tensor w;
        using (no_grad()) w = layer.EffectiveWeight();
        double sigma = linalg.svdvals(w.reshape(16, -1)).max().item<float>();
        double raw = linalg.svdvals(layer.Inner.parameters().First().detach().reshape(16, -1)).max().item<float>();
        output.WriteLine($"raw sigma {raw:F3}, normalised sigma {sigma:F5}");
        Assert.True(raw > 2, $"the raw weight should be far from 1-Lipschitz, sigma {raw}");
        Assert.InRange(sigma, 0.99, 1.01);
    }

    [Fact]
    public void Gradients_flow_through_sigma_and_repeated_forwards_do_not_break_autograd()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        using var layer = new SpectralNorm(nn.Linear(6, 5));
        Tensor x = randn(4, 6);
        // Two training forwards in one graph: the second updates u in place, as a D does on real then fake.
        Tensor loss = layer.forward(x).square().sum() + layer.forward(x * 2).sum();
        loss.backward();
        Tensor grad = layer.Inner.parameters().First().grad!;
        Assert.True(grad.abs().sum().item<float>() > 0);
        Assert.True(isfinite(grad).all().item<bool>());
    }

    [Theory]
    [InlineData("conv")]
    [InlineData("linear")]
    public void Export_writes_the_effective_weight(string kind)
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        using var layer = kind == "conv" ? new SpectralNorm(nn.Conv2d(3, 4, 3, stride: 2, padding: 1)) : new SpectralNorm(nn.Linear(7, 3));
        using (no_grad()) { for (int i = 0; i < 5; i++) layer.forward(kind == "conv" ? randn(1, 3, 8, 8) : randn(1, 7)); }
        double diff = OnnxParity.MaxDiff(layer, kind == "conv" ? [3, 8, 8] : [7]);
        output.WriteLine($"PARITY SpectralNorm({kind}): {diff:E2}");
        Assert.True(diff <= OnnxParity.Tolerance, $"max |diff| {diff:E3}");
    }

    [Fact]
    public void PixelNorm_exports_with_parity()
    {
        using var scope = NewDisposeScope();
        manual_seed(6);
        using var layer = new PixelNorm();
        double diff = OnnxParity.MaxDiff(layer, [5, 4, 4]);
        output.WriteLine($"PARITY PixelNorm: {diff:E2}");
        Assert.True(diff <= OnnxParity.Tolerance, $"max |diff| {diff:E3}");
    }

    [Fact]
    public void Rejects_layers_it_cannot_normalise()
    {
        var e = Assert.Throws<ArgumentException>(() => new SpectralNorm(nn.Tanh()));
        Assert.Contains("Tanh", e.Message);
        var circular = Assert.Throws<ArgumentException>(() => new SpectralNorm(nn.Conv2d(1, 1, 3, padding: 1, padding_mode: TorchSharp.PaddingModes.Circular)));
        Assert.Contains("padding_mode", circular.Message);
    }
}

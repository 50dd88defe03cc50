using GenWorld.Training.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace GenWorld.Training.Tests;

/// <summary>Proves the build's GLIBCXX fix works: libtorch loads, computes, and an optimizer step changes weights.</summary>
[Collection("Torch")]
public sealed class TorchSharpLoadsTests
{
    [Fact]
    public void Matrix_product_matches_the_known_answer() =>
        Assert.Equal("matmul ok (CPU)", TorchProbe.CheckTensorOp());

    [Fact]
    public void One_sgd_step_reduces_a_quadratic_loss()
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(1);
        var linear = nn.Linear(4, 1);
        var x = randn(32, 4);
        var y = x.sum(1, keepdim: true);
        var optimizer = optim.SGD(linear.parameters(), learningRate: 0.1);

        float before = nn.functional.mse_loss(linear.forward(x), y).item<float>();
        optimizer.zero_grad();
        nn.functional.mse_loss(linear.forward(x), y).backward();
        optimizer.step();
        float after = nn.functional.mse_loss(linear.forward(x), y).item<float>();

        Assert.True(after < before * 0.9f, $"loss {before} -> {after} after one step");
    }
}

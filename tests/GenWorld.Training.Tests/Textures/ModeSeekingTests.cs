using GenWorld.Training.Textures;
using static TorchSharp.torch;

namespace GenWorld.Training.Tests.Textures;

[Collection("Torch")]
public sealed class ModeSeekingTests
{
    [Fact]
    public void Repeating_one_tile_costs_more_than_varied_tiles_and_the_gradient_pushes_pairs_apart()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        Tensor z = randn(8, 4, 2, 2);
        Tensor same = randn(1, 3, 8, 8).expand(8, 3, 8, 8) + 0.01 * randn(8, 3, 8, 8);
        Tensor varied = randn(8, 3, 8, 8);
        double collapsed = ModeSeeking.Loss(z, same).item<float>(), diverse = ModeSeeking.Loss(z, varied).item<float>();
        Assert.True(collapsed > 10 * diverse, $"collapsed {collapsed:F3}, varied {diverse:F3}");

        // One gradient step on the images lowers the loss: the pairs move apart.
        Tensor images = same.detach().clone().requires_grad_(true);
        Tensor loss = ModeSeeking.Loss(z, images);
        loss.backward();
        using (no_grad()) images.sub_(images.grad! * 1e-3);
        Assert.True(ModeSeeking.Loss(z, images).item<float>() < loss.item<float>());
        Assert.Throws<ArgumentException>(() => ModeSeeking.Loss(z.narrow(0, 0, 1), images.narrow(0, 0, 1)));
    }
}

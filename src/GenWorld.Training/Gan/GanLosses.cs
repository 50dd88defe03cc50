using TorchSharp;
using static TorchSharp.torch;

namespace GenWorld.Training.Gan;

/// <summary>
/// The non-saturating GAN loss (Goodfellow et al. 2014) on raw discriminator logits, and the R1 penalty
/// (Mescheder et al. 2018). softplus(-l) = -log sigmoid(l), written so large logits stay finite.
/// </summary>
public static class GanLosses
{
    /// <summary>Discriminator loss: -log D(x) - log(1 - D(G(z))), averaged.</summary>
    public static Tensor Discriminator(Tensor realLogits, Tensor fakeLogits)
    {
        ArgumentNullException.ThrowIfNull(realLogits);
        ArgumentNullException.ThrowIfNull(fakeLogits);
        return nn.functional.softplus(-realLogits).mean() + nn.functional.softplus(fakeLogits).mean();
    }

    /// <summary>Non-saturating generator loss: -log D(G(z)), averaged (strong gradients while D wins).</summary>
    public static Tensor Generator(Tensor fakeLogits)
    {
        ArgumentNullException.ThrowIfNull(fakeLogits);
        return nn.functional.softplus(-fakeLogits).mean();
    }

    /// <summary>
    /// R1 = γ/2 · E‖∇ₓ D(x)‖² on real images. <paramref name="real"/> must have requires_grad set before
    /// <paramref name="realLogits"/> was computed; the graph is kept so the penalty can be back-propagated.
    /// </summary>
    public static Tensor R1Penalty(Tensor real, Tensor realLogits, double gamma)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(realLogits);
        if (!real.requires_grad)
            throw new ArgumentException("R1 needs the real batch to require grad before the discriminator runs.", nameof(real));
        ArgumentOutOfRangeException.ThrowIfNegative(gamma);
        Tensor grad = autograd.grad([realLogits.sum()], [real], retain_graph: true, create_graph: true)[0];
        // An explicit Scalar, disposed after use: the implicit double → Scalar temporary could be finalised by the GC
        // while the native multiply still read it (NaN penalties, seen when tests ran in parallel or under load).
        using Scalar half = gamma / 2;
        return grad.square().reshape(grad.shape[0], -1).sum(1).mean().mul(half);
    }
}

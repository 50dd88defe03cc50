using static TorchSharp.torch;

namespace GenWorld.Training.Gan;

/// <summary>
/// Minibatch standard deviation (Karras et al., ProGAN): appends one channel holding the mean over features of the
/// per-feature standard deviation across the batch, so the discriminator can see when a batch lacks variety
/// (mode collapse) and push the generator away from it.
/// </summary>
public sealed class MinibatchStdDev : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the layer (no parameters).</summary>
    public MinibatchStdDev() : base(nameof(MinibatchStdDev)) { }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.dim() < 2)
            throw new ArgumentException($"MinibatchStdDev needs [N, C, ...], got [{string.Join(", ", input.shape)}].", nameof(input));
        using var scope = NewDisposeScope();
        // Biased variance plus epsilon keeps a batch of one finite (its std is then ~0).
        Tensor std = (input.var(0, unbiased: false) + 1e-8).sqrt().mean();
        long[] shape = [.. input.shape];
        shape[1] = 1;
        Tensor channel = std.expand(shape);
        return cat([input, channel], 1).MoveToOuterDisposeScope();
    }
}

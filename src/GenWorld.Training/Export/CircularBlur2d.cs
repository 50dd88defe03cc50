using static TorchSharp.torch;

namespace GenWorld.Training.Export;

/// <summary>
/// Fixed depthwise 3×3 binomial low-pass ([1, 2, 1] ⊗ [1, 2, 1] / 16) over the last two axes with wrap-around padding.
/// Placed after a nearest ×2 upsampling (StyleGAN's blur-after-upsample) it turns the blocky copy into a bilinear-like
/// interpolation, so a generator no longer inherits the edges of its latent cells, while every step stays exactly
/// equivariant to circular shifts (unlike ONNX Resize linear, which clamps at the borders). Has no parameters: the
/// kernel is not trained and not saved. Trains as slices and adds; exports as CircularPad + a grouped Conv.
/// </summary>
public sealed class CircularBlur2d : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    private static readonly float[] Taps = [0.25f, 0.5f, 0.25f];

    /// <summary>Creates the blur for inputs of <paramref name="channels"/> channels (the ONNX kernel needs the count).</summary>
    public CircularBlur2d(int channels) : base(nameof(CircularBlur2d))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        Channels = channels;
    }

    /// <summary>Channels of the [N, C, H, W] input.</summary>
    public int Channels { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.dim() != 4 || input.shape[1] != Channels)
            throw new ArgumentException($"CircularBlur2d needs [N, {Channels}, H, W], got [{string.Join(", ", input.shape)}].", nameof(input));
        using var scope = NewDisposeScope();
        Tensor x = Smooth(input, -1);
        return Smooth(x, -2).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public IReadOnlyList<string> ExportOnnx(OnnxExportScope scope, IReadOnlyList<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(inputs);
        var g = scope.Graph;
        var kernel = new float[Channels * 9];
        for (int c = 0; c < Channels; c++)
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < 3; j++)
                    kernel[(c * 9) + (i * 3) + j] = Taps[i] * Taps[j];
        string padded = OnnxPadding.Circular(g, inputs[0], [1, 1, 1, 1]);
        string weight = g.AddConstant(kernel, Channels, 1, 3, 3);
        return [g.AddNode("Conv", [padded, weight], OnnxAttribute.Ints("kernel_shape", [3, 3]), OnnxAttribute.Int("group", Channels))];
    }

    // Separable and wrap-around: neighbours come from torch.roll, so the first and last pixel of an axis are neighbours.
    private static Tensor Smooth(Tensor x, long dim) =>
        (x.roll(1, dim) * Taps[0]) + (x * Taps[1]) + (x.roll(-1, dim) * Taps[2]);
}

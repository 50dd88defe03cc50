using GenWorld.Training.Export;
using static TorchSharp.torch;

namespace GenWorld.Training.Gan;

/// <summary>
/// Pixelwise feature normalisation (Karras et al., ProGAN): x / sqrt(mean_c x² + ε) at every position.
/// Used instead of BatchNorm in generators: it behaves the same in training and inference (no running statistics
/// for the EMA copy to get wrong) and is purely local, so tiles of any size see the same layer.
/// </summary>
public sealed class PixelNorm : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    private const float Epsilon = 1e-8f;

    /// <summary>Creates the layer (no parameters).</summary>
    public PixelNorm() : base(nameof(PixelNorm)) { }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = NewDisposeScope();
        Tensor rms = (input.square().mean([1], keepdim: true) + Epsilon).sqrt();
        return (input / rms).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public IReadOnlyList<string> ExportOnnx(OnnxExportScope scope, IReadOnlyList<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(inputs);
        var g = scope.Graph;
        string x = inputs[0];
        // Opset 17 ReduceMean still takes its axes as an attribute.
        string meanSquare = g.AddNode("ReduceMean", [g.Mul(x, x)], OnnxAttribute.Ints("axes", [1]), OnnxAttribute.Int("keepdims", 1));
        string rms = g.Sqrt(g.Add(meanSquare, g.AddScalar(Epsilon)));
        return [g.Div(x, rms)];
    }
}

using GenWorld.Training.Export.Emitters;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenWorld.Training.Export;

/// <summary>
/// Built-in layer exports with an effective weight, for weight-reparametrised wrappers (spectral norm, weight norm):
/// the wrapper computes the weight its forward really uses and exports the inner layer with it.
/// </summary>
public static class OnnxLayers
{
    /// <summary>Exports <paramref name="linear"/> using <paramref name="effectiveWeight"/> (out, in) instead of its stored weight.</summary>
    public static string Linear(OnnxExportScope scope, Linear linear, string input, Tensor effectiveWeight)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(linear);
        ArgumentNullException.ThrowIfNull(effectiveWeight);
        return LinearEmitter.EmitWithWeight(scope, linear, input, effectiveWeight);
    }

    /// <summary>Exports a Conv/ConvTranspose using <paramref name="effectiveWeight"/> (same shape as its stored weight).</summary>
    public static string Convolution(OnnxExportScope scope, Convolution convolution, string input, Tensor effectiveWeight)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(convolution);
        ArgumentNullException.ThrowIfNull(effectiveWeight);
        return ConvolutionEmitter.EmitWithWeight(scope, convolution, input, effectiveWeight);
    }
}

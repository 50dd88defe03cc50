using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenWorld.Training.Export.Emitters;

/// <summary>Linear as MatMul with the pre-transposed weight (works for any leading dims, unlike Gemm) plus Add.</summary>
internal sealed class LinearEmitter : OnnxLayerEmitter<Linear>
{
    protected override string Emit(OnnxExportScope scope, Linear module, string input) =>
        EmitWithWeight(scope, module, input, module.weight ?? throw scope.Fail("Linear has no weight."));

    /// <summary>The layer with a given (possibly reparametrised) weight of shape (out, in); bias from the module.</summary>
    internal static string EmitWithWeight(OnnxExportScope scope, Linear module, string input, Tensor weight)
    {
        if (weight.dim() != 2 || weight.shape[0] != module.out_features || weight.shape[1] != module.in_features)
            throw scope.Fail($"effective weight shape [{string.Join(", ", weight.shape)}] is not ({module.out_features}, {module.in_features}).");
        using var transposed = weight.detach().t();
        string y = scope.Graph.MatMul(input, scope.AddParameter("weight_t", transposed));
        return module.bias is { } bias ? scope.Graph.Add(y, scope.AddParameter("bias", bias)) : y;
    }
}

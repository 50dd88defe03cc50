using TorchSharp.Modules;

namespace GenWorld.Training.Export.Emitters;

/// <summary>Linear as MatMul with the pre-transposed weight (works for any leading dims, unlike Gemm) plus Add.</summary>
internal sealed class LinearEmitter : OnnxLayerEmitter<Linear>
{
    protected override string Emit(OnnxExportScope scope, Linear module, string input)
    {
        var weight = module.weight ?? throw scope.Fail("Linear has no weight.");
        using var transposed = weight.detach().t();
        string y = scope.Graph.MatMul(input, scope.AddParameter("weight_t", transposed));
        return module.bias is { } bias ? scope.Graph.Add(y, scope.AddParameter("bias", bias)) : y;
    }
}

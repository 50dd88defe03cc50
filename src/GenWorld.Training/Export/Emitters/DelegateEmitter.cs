using static TorchSharp.torch;

namespace GenWorld.Training.Export.Emitters;

/// <summary>An emitter written as one lambda, for layers that map to a handful of ONNX ops.</summary>
internal sealed class DelegateEmitter<TModule>(Func<OnnxExportScope, TModule, string, string> emit)
    : OnnxLayerEmitter<TModule> where TModule : nn.Module
{
    protected override string Emit(OnnxExportScope scope, TModule module, string input) => emit(scope, module, input);
}

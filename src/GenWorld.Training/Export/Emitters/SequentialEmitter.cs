using TorchSharp.Modules;

namespace GenWorld.Training.Export.Emitters;

/// <summary>Sequential: each child in order, each under its own path ("decoder.3").</summary>
internal sealed class SequentialEmitter : OnnxLayerEmitter<Sequential>
{
    protected override string Emit(OnnxExportScope scope, Sequential module, string input)
    {
        string x = input;
        foreach ((_, var child) in module.named_children())
            x = scope.Export(child, x);
        return x;
    }
}

using static TorchSharp.torch;

namespace GenWorld.Training.Export;

/// <summary>Writes the ONNX nodes for one TorchSharp layer type (single input, single output).</summary>
public interface IOnnxLayerEmitter
{
    /// <summary>The TorchSharp module type handled (subclasses inside TorchSharp match too).</summary>
    Type ModuleType { get; }

    /// <summary>Adds the nodes for <paramref name="module"/> applied to <paramref name="input"/>; returns the output value.</summary>
    string Emit(OnnxExportScope scope, nn.Module module, string input);
}

/// <summary>Typed base for layer emitters.</summary>
public abstract class OnnxLayerEmitter<TModule> : IOnnxLayerEmitter where TModule : nn.Module
{
    /// <inheritdoc />
    public Type ModuleType => typeof(TModule);

    /// <inheritdoc />
    public string Emit(OnnxExportScope scope, nn.Module module, string input)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return Emit(scope, (TModule)module, input);
    }

    /// <summary>Adds the nodes for the typed module.</summary>
    protected abstract string Emit(OnnxExportScope scope, TModule module, string input);
}

namespace GenWorld.Training.Export;

/// <summary>
/// A custom module that describes its own ONNX graph, mirroring its <c>forward</c>. Model files (VAE, GAN,
/// Transformer) and weight-reparametrised wrappers implement it; registered child modules are exported
/// through <see cref="OnnxExportScope.Export(TorchSharp.torch.nn.Module, string)"/>.
/// </summary>
public interface IOnnxExportable
{
    /// <summary>Adds this module's nodes for the given input values and returns its output value names.</summary>
    IReadOnlyList<string> ExportOnnx(OnnxExportScope scope, IReadOnlyList<string> inputs);
}

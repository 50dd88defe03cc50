using static TorchSharp.torch;

namespace GenWorld.Training.Export;

/// <summary>
/// Exports a TorchSharp module tree to ONNX by walking it: built-in layers go through registered emitters,
/// custom modules through <see cref="IOnnxExportable"/>. The module is put in eval mode while exporting.
/// </summary>
public static class OnnxExporter
{
    /// <summary>Exports <paramref name="module"/> into a new graph and returns the builder (call Save or ToBytes).</summary>
    public static OnnxGraphBuilder Export(nn.Module module, OnnxExportSpec spec, OnnxEmitterRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(spec);
        IReadOnlyList<string> errors = spec.Validate();
        if (errors.Count > 0)
            throw new ArgumentException("Invalid ONNX export spec: " + string.Join(" ", errors), nameof(spec));
        return ExportCore(module, spec, registry ?? OnnxEmitterRegistry.CreateDefault());
    }

    /// <summary>Exports and writes the model to <paramref name="path"/> atomically.</summary>
    public static void Save(nn.Module module, OnnxExportSpec spec, string path, OnnxEmitterRegistry? registry = null) =>
        Export(module, spec, registry).Save(path);

    private static OnnxGraphBuilder ExportCore(nn.Module module, OnnxExportSpec spec, OnnxEmitterRegistry registry)
    {
        var graph = new OnnxGraphBuilder(spec.GraphName);
        var inputs = spec.Inputs.Select(graph.AddInput).ToArray();
        bool wasTraining = module.training;
        // Dropout and BatchNorm must be exported as they behave at inference.
        module.eval();
        try
        {
            using var noGrad = no_grad();
            IReadOnlyList<string> outputs = OnnxModuleWalker.Emit(graph, registry, "", module, inputs);
            if (outputs.Count != spec.Outputs.Count)
                throw new OnnxExportException("", $"{module.GetType().Name} produced {outputs.Count} outputs but the spec names {spec.Outputs.Count}.");
            for (int i = 0; i < outputs.Count; i++)
                graph.AddOutput(outputs[i], spec.Outputs[i]);
            return graph;
        }
        finally
        {
            module.train(wasTraining);
        }
    }
}

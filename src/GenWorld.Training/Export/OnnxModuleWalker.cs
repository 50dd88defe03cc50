using static TorchSharp.torch;

namespace GenWorld.Training.Export;

/// <summary>Dispatches one module to its own export (IOnnxExportable) or to a registered layer emitter.</summary>
internal static class OnnxModuleWalker
{
    public static IReadOnlyList<string> Emit(OnnxGraphBuilder graph, OnnxEmitterRegistry registry, string path, nn.Module module, IReadOnlyList<string> inputs)
    {
        string outerScope = graph.NameScope;
        graph.NameScope = path;
        try
        {
            var scope = new OnnxExportScope(graph, registry, path, module);
            if (module is IOnnxExportable exportable)
            {
                IReadOnlyList<string> outputs = exportable.ExportOnnx(scope, inputs);
                if (outputs is null || outputs.Count == 0)
                    throw scope.Fail($"{module.GetType().Name}.ExportOnnx returned no outputs.");
                return outputs;
            }
            IOnnxLayerEmitter emitter = registry.Find(module.GetType())
                ?? throw scope.Fail($"{module.GetType().Name} is not supported by the GenWorld ONNX exporter (implement IOnnxExportable or register an emitter).");
            if (inputs.Count != 1)
                throw scope.Fail($"{module.GetType().Name} takes one input but was given {inputs.Count}.");
            return [emitter.Emit(scope, module, inputs[0])];
        }
        finally
        {
            graph.NameScope = outerScope;
        }
    }
}

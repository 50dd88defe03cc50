using static TorchSharp.torch;

namespace GenWorld.Training.Export;

/// <summary>
/// What an emitter or <see cref="IOnnxExportable"/> module sees while it is exported: the graph, its own path in
/// the module tree, and a way to export its registered children under their own paths.
/// </summary>
public sealed class OnnxExportScope
{
    private readonly OnnxEmitterRegistry _registry;

    internal OnnxExportScope(OnnxGraphBuilder graph, OnnxEmitterRegistry registry, string path, nn.Module module)
    {
        Graph = graph;
        _registry = registry;
        Path = path;
        Module = module;
    }

    /// <summary>The graph being built.</summary>
    public OnnxGraphBuilder Graph { get; }

    /// <summary>Dotted path of the current module ("" for the root, "decoder.3" deeper down).</summary>
    public string Path { get; }

    /// <summary>The module being exported.</summary>
    public nn.Module Module { get; }

    /// <summary>Adds a parameter or buffer of the current module as an initializer (float32 or int64).</summary>
    public string AddParameter(string hint, Tensor tensor) => Graph.AddInitializer(hint, tensor);

    /// <summary>An export error that names the current module's path.</summary>
    public OnnxExportException Fail(string reason) => new(Path, reason);

    /// <summary>Exports a registered child module with one input and one output.</summary>
    public string Export(nn.Module child, string input)
    {
        IReadOnlyList<string> outputs = Export(child, [input]);
        if (outputs.Count != 1)
            throw new OnnxExportException(ChildPath(child), $"{child.GetType().Name} produced {outputs.Count} outputs where one was expected.");
        return outputs[0];
    }

    /// <summary>Exports a registered child module with any number of inputs and outputs.</summary>
    public IReadOnlyList<string> Export(nn.Module child, IReadOnlyList<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(child);
        return OnnxModuleWalker.Emit(Graph, _registry, ChildPath(child), child, inputs);
    }

    private string ChildPath(nn.Module child)
    {
        foreach ((string name, nn.Module candidate) in Module.named_children())
        {
            if (ReferenceEquals(candidate, child))
                return Path.Length == 0 ? name : $"{Path}.{name}";
        }
        throw Fail($"{child.GetType().Name} is not a registered child of {Module.GetType().Name} (call RegisterComponents in its constructor).");
    }
}

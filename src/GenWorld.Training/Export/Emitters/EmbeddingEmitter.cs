using TorchSharp.Modules;

namespace GenWorld.Training.Export.Emitters;

/// <summary>Embedding as Gather on the weight table (int64 indices in, float rows out).</summary>
internal sealed class EmbeddingEmitter : OnnxLayerEmitter<Embedding>
{
    protected override string Emit(OnnxExportScope scope, Embedding module, string input)
    {
        var weight = module.weight ?? throw scope.Fail("Embedding has no weight.");
        return scope.Graph.AddNode("Gather", [scope.AddParameter("weight", weight), input], OnnxAttribute.Int("axis", 0));
    }
}

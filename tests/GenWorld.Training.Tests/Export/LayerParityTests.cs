using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GenWorld.Training.Tests.Export;

/// <summary>Every supported layer type: exported ONNX (run by ONNX Runtime) matches the TorchSharp forward, N=1 and N=3.</summary>
[Collection("Torch")]
public sealed class LayerParityTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(Names))]
    public void Exported_layer_matches_torch(string name)
    {
        using var scope = NewDisposeScope();
        TorchSharp.torch.manual_seed(1234);
        LayerCases.Case c = LayerCases.All[name];
        using var module = c.Create();

        double diff = OnnxParity.MaxDiff(module, c.ItemShape, c.Input,
            c.Input is null || name != "Embedding" ? GenWorld.Training.Export.OnnxElementType.Float : GenWorld.Training.Export.OnnxElementType.Int64);

        output.WriteLine($"PARITY {name}: max |diff| = {diff:E2}");
        Assert.True(diff <= OnnxParity.Tolerance, $"{name}: max |onnx - torch| = {diff:E3}");
    }

    [Fact]
    public void Every_registered_emitter_has_a_parity_case()
    {
        var registry = GenWorld.Training.Export.OnnxEmitterRegistry.CreateDefault();
        var covered = new HashSet<Type>();
        foreach (LayerCases.Case c in LayerCases.All.Values)
        {
            using var module = c.Create();
            foreach (var m in module.modules().Prepend(module))
                if (registry.Find(m.GetType()) is { } emitter) covered.Add(emitter.ModuleType);
        }

        var missing = registry.SupportedTypes.Except(covered).Select(t => t.Name).ToList();
        Assert.True(missing.Count == 0, "no parity case for: " + string.Join(", ", missing));
    }

    public static TheoryData<string> Names() => LayerCases.Names();
}

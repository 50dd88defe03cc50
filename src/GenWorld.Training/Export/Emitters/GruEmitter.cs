using System.Reflection;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenWorld.Training.Export.Emitters;

/// <summary>
/// GRU (unidirectional, any number of layers, zero initial state) as one ONNX GRU node per layer. torch orders the
/// gates r, z, n and ONNX z, r, h, so the weight rows are regrouped; torch applies the reset gate after the hidden
/// matmul, which is ONNX's linear_before_reset = 1. The emitted value is the output sequence (what forward's first
/// result holds), laid out as the module's batch_first says.
/// </summary>
internal sealed class GruEmitter : OnnxLayerEmitter<GRU>
{
    protected override string Emit(OnnxExportScope scope, GRU module, string input)
    {
        var g = scope.Graph;
        var parameters = module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        if (parameters.Keys.Any(k => k.Contains("reverse", StringComparison.Ordinal))) throw scope.Fail("bidirectional GRU is not supported.");
        int layers = parameters.Keys.Count(k => k.StartsWith("weight_ih_l", StringComparison.Ordinal));
        if (layers == 0) throw scope.Fail("GRU has no weight_ih_l0 parameter.");
        long hidden = parameters["weight_hh_l0"].shape[1];
        bool batchFirst = BatchFirst(scope, module);

        // ONNX GRU (layout 0) wants [T, N, I].
        string x = batchFirst ? g.Transpose(input, 1, 0, 2) : input;
        for (int l = 0; l < layers; l++)
        {
            Tensor wih = parameters[$"weight_ih_l{l}"], whh = parameters[$"weight_hh_l{l}"];
            Tensor? bih = parameters.GetValueOrDefault($"bias_ih_l{l}"), bhh = parameters.GetValueOrDefault($"bias_hh_l{l}");
            using var w = Regate(wih).unsqueeze(0);
            using var r = Regate(whh).unsqueeze(0);
            var inputs = new List<string> { x, scope.AddParameter($"W_l{l}", w), scope.AddParameter($"R_l{l}", r) };
            if (bih is not null || bhh is not null)
            {
                using var none = zeros(3 * hidden);
                using var b = cat([Regate(bih ?? none), Regate(bhh ?? none)]).unsqueeze(0);
                inputs.Add(scope.AddParameter($"B_l{l}", b));
            }
            string y = g.AddNode("GRU", inputs, OnnxAttribute.Int("hidden_size", hidden), OnnxAttribute.Int("linear_before_reset", 1));
            // Y is [T, num_directions = 1, N, H]; the next layer takes [T, N, H].
            x = g.Reshape(g.Transpose(y, 0, 2, 1, 3), 0, 0, -1);
        }
        return batchFirst ? g.Transpose(x, 1, 0, 2) : x;
    }

    /// <summary>torch stacks gate rows r, z, n; ONNX wants z, r, h.</summary>
    private static Tensor Regate(Tensor t)
    {
        using var detached = t.detach();
        Tensor[] gates = detached.chunk(3, 0);
        try { return cat([gates[1], gates[0], gates[2]], 0); }
        finally { foreach (Tensor gate in gates) gate.Dispose(); }
    }

    private static bool BatchFirst(OnnxExportScope scope, GRU module)
    {
        // TorchSharp keeps batch_first private; read it rather than guess the layout.
        FieldInfo? field = typeof(GRU).GetField("_batch_first", BindingFlags.Instance | BindingFlags.NonPublic);
        return field?.GetValue(module) as bool? ?? throw scope.Fail("GRU.batch_first could not be read from this TorchSharp version; refusing to guess the layout.");
    }
}

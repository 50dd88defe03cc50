using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenWorld.Training.Export.Emitters;

/// <summary>BatchNorm (eval: running stats), LayerNorm (opset 17 LayerNormalization), GroupNorm (via InstanceNormalization).</summary>
internal static class NormalizationEmitters
{
    public static IEnumerable<IOnnxLayerEmitter> All() =>
    [
        new DelegateEmitter<BatchNorm>(BatchNorm),
        new DelegateEmitter<LayerNorm>(LayerNorm),
        new DelegateEmitter<GroupNorm>(GroupNorm),
    ];

    private static string BatchNorm(OnnxExportScope s, BatchNorm m, string x)
    {
        if (!m.track_running_stats || m.running_mean is null || m.running_var is null)
            throw s.Fail($"{m.GetType().Name} without running stats uses batch statistics at inference, which ONNX BatchNormalization cannot express.");
        long c = m.num_features;
        string scale = m.weight is { } w ? s.AddParameter("weight", w) : Filled(s, "ones", c, 1f);
        string bias = m.bias is { } b ? s.AddParameter("bias", b) : Filled(s, "zeros", c, 0f);
        return s.Graph.AddNode("BatchNormalization",
            [x, scale, bias, s.AddParameter("running_mean", m.running_mean), s.AddParameter("running_var", m.running_var)],
            OnnxAttribute.Float("epsilon", m.eps));
    }

    private static string LayerNorm(OnnxExportScope s, LayerNorm m, string x)
    {
        long[] shape = m.normalized_shape ?? throw s.Fail("LayerNorm.normalized_shape could not be read.");
        long count = shape.Aggregate(1L, (a, d) => a * d);
        string scale = m.weight is { } w ? s.AddParameter("weight", w) : s.Graph.AddConstant(Enumerable.Repeat(1f, (int)count).ToArray(), shape);
        string bias = m.bias is { } b ? s.AddParameter("bias", b) : s.Graph.AddConstant(new float[count], shape);
        return s.Graph.AddNode("LayerNormalization", [x, scale, bias],
            OnnxAttribute.Int("axis", -shape.Length), OnnxAttribute.Float("epsilon", m.eps));
    }

    // Opset 17 has no GroupNormalization: fold channels into groups, instance-normalise, unfold, then apply the
    // per-channel affine in (N, C, rest) layout so the input rank need not be known.
    private static string GroupNorm(OnnxExportScope s, GroupNorm m, string x)
    {
        var g = s.Graph;
        long groups = m.num_groups;
        string grouped = g.Reshape(x, 0, groups, -1);
        string normed = g.AddNode("InstanceNormalization",
            [grouped, Filled(s, "ones", groups, 1f), Filled(s, "zeros", groups, 0f)], OnnxAttribute.Float("epsilon", m.eps));
        if (m.weight is null && m.bias is null)
            return g.ReshapeTo(normed, g.Shape(x));
        Tensor weight = m.weight ?? throw s.Fail("GroupNorm has a bias but no weight.");
        long c = weight.shape[0];
        string y = g.Reshape(normed, 0, c, -1);
        using (var w = weight.detach().reshape(c, 1)) y = g.Mul(y, s.AddParameter("weight", w));
        if (m.bias is { } bias)
        {
            using var b = bias.detach().reshape(c, 1);
            y = g.Add(y, s.AddParameter("bias", b));
        }
        return g.ReshapeTo(y, g.Shape(x));
    }

    private static string Filled(OnnxExportScope s, string hint, long count, float value)
    {
        _ = hint;
        return s.Graph.AddConstant(Enumerable.Repeat(value, checked((int)count)).ToArray(), count);
    }
}

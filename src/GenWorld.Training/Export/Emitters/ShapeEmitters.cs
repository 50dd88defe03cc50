using TorchSharp.Modules;

namespace GenWorld.Training.Export.Emitters;

/// <summary>Flatten and Unflatten (any dims, dynamic batch) and Upsample (nearest, or linear modes via Resize).</summary>
internal static class ShapeEmitters
{
    public static IEnumerable<IOnnxLayerEmitter> All() =>
    [
        new DelegateEmitter<Flatten>(Flatten),
        new DelegateEmitter<Unflatten>(Unflatten),
        new DelegateEmitter<Upsample>(Upsample),
    ];

    private static string Flatten(OnnxExportScope s, Flatten m, string x)
    {
        var g = s.Graph;
        if (m.start_dim == 1 && m.end_dim == -1)
            return g.AddNode("Flatten", [x], OnnxAttribute.Int("axis", 1));
        // shape = input dims before start ++ [-1] ++ input dims after end
        string shape = g.Shape(x);
        var parts = new List<string>();
        if (m.start_dim != 0) parts.Add(g.Slice(shape, 0, 0, m.start_dim));
        parts.Add(g.AddInt64s(-1));
        if (m.end_dim != -1) parts.Add(g.Slice(shape, 0, m.end_dim + 1, long.MaxValue));
        return g.ReshapeTo(x, parts.Count == 1 ? parts[0] : g.Concat(0, [.. parts]));
    }

    private static string Unflatten(OnnxExportScope s, Unflatten m, string x)
    {
        var g = s.Graph;
        long[] sizes = m.unflattened_size ?? throw s.Fail("Unflatten.unflattened_size could not be read.");
        // shape = input dims before dim ++ sizes ++ input dims after dim
        string shape = g.Shape(x);
        var parts = new List<string>();
        if (m.dim != 0) parts.Add(g.Slice(shape, 0, 0, m.dim));
        parts.Add(g.AddInt64s(sizes));
        if (m.dim != -1) parts.Add(g.Slice(shape, 0, m.dim + 1, long.MaxValue));
        return g.ReshapeTo(x, parts.Count == 1 ? parts[0] : g.Concat(0, [.. parts]));
    }

    private static string Upsample(OnnxExportScope s, Upsample m, string x)
    {
        var g = s.Graph;
        string mode = m.mode.ToString();
        var attributes = new List<Onnx.AttributeProto>();
        if (mode.Equals("nearest", StringComparison.OrdinalIgnoreCase))
        {
            // torch 'nearest' picks floor(dst * in/out): ONNX asymmetric + floor.
            attributes.Add(OnnxAttribute.String("mode", "nearest"));
            attributes.Add(OnnxAttribute.String("coordinate_transformation_mode", "asymmetric"));
            attributes.Add(OnnxAttribute.String("nearest_mode", "floor"));
        }
        else if (mode is "Linear" or "Bilinear" or "Trilinear" or "linear" or "bilinear" or "trilinear")
        {
            attributes.Add(OnnxAttribute.String("mode", "linear"));
            attributes.Add(OnnxAttribute.String("coordinate_transformation_mode", m.align_corners == true ? "align_corners" : "pytorch_half_pixel"));
        }
        else
        {
            throw s.Fail($"Upsample mode {mode} is not supported.");
        }

        double[] scales = m.scale_factor.ToArray();
        long[] sizes = m.size.ToArray();
        if (scales.Length > 0)
        {
            float[] full = [1f, 1f, .. scales.Select(v => (float)v)];
            return g.AddNode("Resize", [x, "", g.AddConstant(full, full.Length)], [.. attributes]);
        }
        if (sizes.Length > 0)
        {
            // N and C come from the input so the batch stays dynamic.
            string fullSizes = g.Concat(0, g.Slice(g.Shape(x), 0, 0, 2), g.AddInt64s(sizes));
            return g.AddNode("Resize", [x, "", "", fullSizes], [.. attributes]);
        }
        throw s.Fail("Upsample has neither scale_factor nor size.");
    }
}

namespace GenWorld.Training.Export;

/// <summary>
/// One-line ONNX ops for model files that describe their own graph (<see cref="IOnnxExportable"/>).
/// Each returns the output value name.
/// </summary>
public static class OnnxOps
{
    /// <summary>Elementwise a + b (numpy broadcasting).</summary>
    public static string Add(this OnnxGraphBuilder g, string a, string b) => g.AddNode("Add", [a, b]);

    /// <summary>Elementwise a - b.</summary>
    public static string Sub(this OnnxGraphBuilder g, string a, string b) => g.AddNode("Sub", [a, b]);

    /// <summary>Elementwise a * b.</summary>
    public static string Mul(this OnnxGraphBuilder g, string a, string b) => g.AddNode("Mul", [a, b]);

    /// <summary>Elementwise a / b.</summary>
    public static string Div(this OnnxGraphBuilder g, string a, string b) => g.AddNode("Div", [a, b]);

    /// <summary>Elementwise e^x.</summary>
    public static string Exp(this OnnxGraphBuilder g, string x) => g.AddNode("Exp", [x]);

    /// <summary>Batched matrix product.</summary>
    public static string MatMul(this OnnxGraphBuilder g, string a, string b) => g.AddNode("MatMul", [a, b]);

    /// <summary>Softmax along <paramref name="axis"/> (same meaning as torch's dim).</summary>
    public static string Softmax(this OnnxGraphBuilder g, string x, long axis) =>
        g.AddNode("Softmax", [x], OnnxAttribute.Int("axis", axis));

    /// <summary>Concatenation along <paramref name="axis"/>.</summary>
    public static string Concat(this OnnxGraphBuilder g, long axis, params string[] values) =>
        g.AddNode("Concat", values, OnnxAttribute.Int("axis", axis));

    /// <summary>Reshape to a constant shape (0 copies the input dim, -1 infers one dim).</summary>
    public static string Reshape(this OnnxGraphBuilder g, string x, params long[] shape) =>
        g.AddNode("Reshape", [x, g.AddInt64s(shape)]);

    /// <summary>Reshape to a shape held in a graph value (e.g. built with Shape + Concat).</summary>
    public static string ReshapeTo(this OnnxGraphBuilder g, string x, string shape) => g.AddNode("Reshape", [x, shape]);

    /// <summary>Axis permutation.</summary>
    public static string Transpose(this OnnxGraphBuilder g, string x, params long[] perm) =>
        g.AddNode("Transpose", [x], OnnxAttribute.Ints("perm", perm));

    /// <summary>Picks <paramref name="whenTrue"/> where the boolean condition holds, else <paramref name="whenFalse"/>.</summary>
    public static string Where(this OnnxGraphBuilder g, string condition, string whenTrue, string whenFalse) =>
        g.AddNode("Where", [condition, whenTrue, whenFalse]);

    /// <summary>Splits along <paramref name="axis"/> into parts of the given sizes.</summary>
    public static string[] Split(this OnnxGraphBuilder g, string x, long axis, params long[] sizes) =>
        g.AddNode("Split", [x, g.AddInt64s(sizes)], sizes.Length, OnnxAttribute.Int("axis", axis));

    /// <summary>Slices [start, end) along one axis (negative indices count from the end; long.MaxValue = to the end).</summary>
    public static string Slice(this OnnxGraphBuilder g, string x, long axis, long start, long end) =>
        g.AddNode("Slice", [x, g.AddInt64s(start), g.AddInt64s(end), g.AddInt64s(axis)]);

    /// <summary>The runtime shape of a value as a 1-D int64 tensor.</summary>
    public static string Shape(this OnnxGraphBuilder g, string x) => g.AddNode("Shape", [x]);

    /// <summary>Logistic sigmoid.</summary>
    public static string Sigmoid(this OnnxGraphBuilder g, string x) => g.AddNode("Sigmoid", [x]);

    /// <summary>Hyperbolic tangent.</summary>
    public static string Tanh(this OnnxGraphBuilder g, string x) => g.AddNode("Tanh", [x]);

    /// <summary>Square root.</summary>
    public static string Sqrt(this OnnxGraphBuilder g, string x) => g.AddNode("Sqrt", [x]);

    /// <summary>Pass-through copy.</summary>
    public static string Identity(this OnnxGraphBuilder g, string x) => g.AddNode("Identity", [x]);

    /// <summary>Elementwise a &gt; b as a boolean tensor.</summary>
    public static string Greater(this OnnxGraphBuilder g, string a, string b) => g.AddNode("Greater", [a, b]);

    /// <summary>Elementwise a &lt; b as a boolean tensor.</summary>
    public static string Less(this OnnxGraphBuilder g, string a, string b) => g.AddNode("Less", [a, b]);

    /// <summary>Element type conversion (e.g. a 0/1 float mask to bool for <see cref="Where"/>).</summary>
    public static string Cast(this OnnxGraphBuilder g, string x, OnnxElementType to) =>
        g.AddNode("Cast", [x], OnnxAttribute.Int("to", (long)to));

    /// <summary>Slices several axes at once; bounds are graph values (1-D int64), so they can come from Shape.</summary>
    public static string SliceDynamic(this OnnxGraphBuilder g, string x, string starts, string ends, string axes) =>
        g.AddNode("Slice", [x, starts, ends, axes]);
}

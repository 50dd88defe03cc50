namespace GenWorld.Training.Export;

/// <summary>A graph input or output: name, element type and shape (use <see cref="OnnxDim.Batch"/> for the batch axis).</summary>
public sealed record OnnxValueSpec(string Name, OnnxElementType ElementType, IReadOnlyList<OnnxDim> Shape)
{
    /// <summary>A float value with the given shape.</summary>
    public static OnnxValueSpec Float(string name, params OnnxDim[] shape) => new(name, OnnxElementType.Float, shape);

    /// <summary>An int64 value with the given shape.</summary>
    public static OnnxValueSpec Int64(string name, params OnnxDim[] shape) => new(name, OnnxElementType.Int64, shape);
}

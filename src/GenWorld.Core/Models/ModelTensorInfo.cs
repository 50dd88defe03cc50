namespace GenWorld.Core.Models;

/// <summary>An ONNX input or output: name, element type ("float32", "int64", "bool") and shape; -1 marks a dynamic dim such as the batch.</summary>
public sealed record ModelTensorInfo(string Name, string ElementType, IReadOnlyList<long> Shape)
{
    /// <summary>Element types the runtime knows how to feed.</summary>
    public static readonly IReadOnlyList<string> KnownElementTypes = ["float32", "int64", "bool"];

    /// <summary>Largest fixed dimension and element count accepted (the runtime allocates warm-up inputs of this shape).</summary>
    public const long MaxDim = 1 << 20, MaxElements = 1 << 28;

    internal void Validate(string field, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(Name)) errors.Add($"{field}.name: must not be empty.");
        if (!KnownElementTypes.Contains(ElementType))
            errors.Add($"{field}.elementType: '{ElementType}' is not one of {string.Join(", ", KnownElementTypes)}.");
        if (Shape is null || Shape.Count == 0) errors.Add($"{field}.shape: must list at least one dimension.");
        else if (Shape.Any(d => d < -1 || d == 0)) errors.Add($"{field}.shape: dims must be positive or -1 (dynamic), got [{string.Join(", ", Shape)}].");
        else if (Shape.Any(d => d > MaxDim) || Shape.Where(d => d > 0).Aggregate(1.0, (a, d) => a * d) > MaxElements)
            errors.Add($"{field}.shape: [{string.Join(", ", Shape)}] is larger than a model tensor may be (each dim <= {MaxDim}, {MaxElements} elements in all).");
    }
}

using GenWorld.Core.Models;

namespace GenWorld.Training.Export;

/// <summary>Describes an exported ONNX file for manifest.json from the same spec the export used, so the two cannot drift.</summary>
public static class OnnxManifestParts
{
    /// <summary>A manifest part for <paramref name="spec"/> written as <paramref name="file"/>; symbolic dims become -1.</summary>
    public static ModelOnnxPart From(OnnxExportSpec spec, string partName, string file)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new ModelOnnxPart(partName, file, [.. spec.Inputs.Select(Tensor)], [.. spec.Outputs.Select(Tensor)]);
    }

    private static ModelTensorInfo Tensor(OnnxValueSpec value) => new(
        value.Name,
        value.ElementType switch
        {
            OnnxElementType.Float => "float32",
            OnnxElementType.Int64 => "int64",
            OnnxElementType.Bool => "bool",
            _ => throw new ArgumentOutOfRangeException(nameof(value), value.ElementType, "Unknown ONNX element type."),
        },
        [.. value.Shape.Select(d => d.Size ?? -1)]);
}

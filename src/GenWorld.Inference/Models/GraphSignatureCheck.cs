using GenWorld.Core.Models;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace GenWorld.Inference.Models;

/// <summary>
/// Compares what a manifest promises about an ONNX part (input/output names, element types, shapes) with what the graph
/// really declares. A mismatch here would otherwise surface as a cryptic ORT error mid-walk, or as silent garbage.
/// </summary>
internal static class GraphSignatureCheck
{
    public static void Compare(string field, IReadOnlyList<ModelTensorInfo> promised, IReadOnlyDictionary<string, NodeMetadata> actual, List<string> problems)
    {
        foreach (string name in actual.Keys.Where(n => promised.All(p => p.Name != n)))
            problems.Add($"{field}: the graph has '{name}' but the manifest does not list it.");
        for (int i = 0; i < promised.Count; i++)
        {
            ModelTensorInfo tensor = promised[i];
            if (!actual.TryGetValue(tensor.Name, out NodeMetadata? meta))
            {
                problems.Add($"{field}[{i}].name: '{tensor.Name}' is not in the graph (it has {string.Join(", ", actual.Keys)}).");
                continue;
            }
            string graphType = ElementTypeName(meta.ElementDataType);
            if (graphType != tensor.ElementType)
                problems.Add($"{field}[{i}].elementType: manifest says {tensor.ElementType}, graph says {graphType}.");
            int[] dims = meta.Dimensions;
            if (dims.Length != tensor.Shape.Count)
            {
                problems.Add($"{field}[{i}].shape: manifest has rank {tensor.Shape.Count}, graph has rank {dims.Length}.");
                continue;
            }
            for (int d = 0; d < dims.Length; d++)
            {
                // ORT reports symbolic dims (the batch "N") as -1; a fixed dim must match exactly.
                bool graphDynamic = dims[d] < 0;
                bool manifestDynamic = tensor.Shape[d] < 0;
                if (graphDynamic != manifestDynamic || (!graphDynamic && dims[d] != tensor.Shape[d]))
                    problems.Add($"{field}[{i}].shape[{d}]: manifest says {tensor.Shape[d]}, graph says {dims[d]}.");
            }
        }
    }

    private static string ElementTypeName(TensorElementType type) => type switch
    {
        TensorElementType.Float => "float32",
        TensorElementType.Int64 => "int64",
        TensorElementType.Bool => "bool",
        _ => type.ToString().ToLowerInvariant(),
    };
}

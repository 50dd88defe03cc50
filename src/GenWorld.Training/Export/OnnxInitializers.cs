using Onnx;

namespace GenWorld.Training.Export;

/// <summary>
/// Reads weights back out of an ONNX graph our exporter wrote: its float initialisers keyed by the TorchSharp parameter
/// path (the exporter names them "module.path/param"; Linear weights are stored transposed as "…/weight_t"). How a
/// model folder without checkpoint/ gives its weights to TorchSharp again (the texture GAN's warm start, the benchmarks'
/// ONNX Runtime vs TorchSharp comparisons).
/// </summary>
public static class OnnxInitializers
{
    /// <summary>The float initialisers of <paramref name="onnxPath"/> by parameter path ("a.b.weight").</summary>
    /// <exception cref="Google.Protobuf.InvalidProtocolBufferException">The file is not an ONNX model.</exception>
    public static Dictionary<string, TensorProto> Read(string onnxPath) =>
        ModelProto.Parser.ParseFrom(File.ReadAllBytes(onnxPath)).Graph.Initializer
            .Where(t => t.DataType == (int)TensorProto.Types.DataType.Float)
            .ToDictionary(t => t.Name.Replace('/', '.'), StringComparer.Ordinal);

    /// <summary>The values of a float initialiser, whether stored raw or as a float list.</summary>
    public static float[] Floats(TensorProto proto)
    {
        ArgumentNullException.ThrowIfNull(proto);
        if (proto.RawData.Length > 0) return System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(proto.RawData.Span).ToArray();
        return [.. proto.FloatData];
    }
}

using System.Buffers.Binary;
using Google.Protobuf;
using Onnx;
using static TorchSharp.torch;

namespace GenWorld.Training.Export;

/// <summary>Turns arrays and TorchSharp tensors into ONNX TensorProtos with little-endian raw_data.</summary>
internal static class OnnxTensors
{
    public static TensorProto FromFloats(string name, ReadOnlySpan<float> values, IEnumerable<long> dims)
    {
        byte[] raw = new byte[values.Length * sizeof(float)];
        for (int i = 0; i < values.Length; i++)
            BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(i * sizeof(float)), values[i]);
        return Make(name, OnnxElementType.Float, raw, dims);
    }

    public static TensorProto FromInt64s(string name, ReadOnlySpan<long> values, IEnumerable<long> dims)
    {
        byte[] raw = new byte[values.Length * sizeof(long)];
        for (int i = 0; i < values.Length; i++)
            BinaryPrimitives.WriteInt64LittleEndian(raw.AsSpan(i * sizeof(long)), values[i]);
        return Make(name, OnnxElementType.Int64, raw, dims);
    }

    /// <summary>Copies a tensor (any device, detached) as float32, or as int64 when it holds integers.</summary>
    public static TensorProto FromTorch(string name, Tensor tensor)
    {
        using var scope = NewDisposeScope();
        var cpu = tensor.detach().cpu().contiguous();
        if (cpu.dtype is ScalarType.Int64 or ScalarType.Int32 or ScalarType.Int16 or ScalarType.Int8 or ScalarType.Byte)
            return FromInt64s(name, cpu.to_type(ScalarType.Int64).data<long>().ToArray(), cpu.shape);
        if (!cpu.is_floating_point())
            throw new OnnxExportException($"Tensor '{name}' has dtype {cpu.dtype}, which the exporter does not write.");
        return FromFloats(name, cpu.to_type(ScalarType.Float32).data<float>().ToArray(), cpu.shape);
    }

    private static TensorProto Make(string name, OnnxElementType type, byte[] raw, IEnumerable<long> dims)
    {
        var proto = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(raw) };
        proto.Dims.AddRange(dims);
        return proto;
    }
}

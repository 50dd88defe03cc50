using System.Buffers.Binary;
using System.Text;

namespace GenWorld.Inference.Onnx;

/// <summary>
/// The few protobuf wire-format primitives an ONNX model needs (varints, packed floats, nested messages).
/// The runtime builds its probe and benchmark models with this instead of a protobuf dependency.
/// </summary>
internal sealed class ProtoWriter
{
    private readonly List<byte> _buffer = [];

    public byte[] ToArray() => _buffer.ToArray();

    public void Int64(int field, long value)
    {
        Tag(field, wireType: 0);
        Varint((ulong)value);
    }

    public void String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public void Message(int field, ProtoWriter message) => Bytes(field, message.ToArray());

    public void PackedInt64(int field, IReadOnlyList<long> values)
    {
        var packed = new ProtoWriter();
        foreach (long v in values) packed.Varint((ulong)v);
        Bytes(field, packed.ToArray());
    }

    public void PackedFloat(int field, ReadOnlySpan<float> values)
    {
        var bytes = new byte[values.Length * sizeof(float)];
        for (int i = 0; i < values.Length; i++)
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), values[i]);
        Bytes(field, bytes);
    }

    private void Bytes(int field, byte[] bytes)
    {
        Tag(field, wireType: 2);
        Varint((ulong)bytes.Length);
        _buffer.AddRange(bytes);
    }

    private void Tag(int field, int wireType) => Varint((ulong)((field << 3) | wireType));

    private void Varint(ulong value)
    {
        while (value >= 0x80)
        {
            _buffer.Add((byte)(value | 0x80));
            value >>= 7;
        }
        _buffer.Add((byte)value);
    }
}

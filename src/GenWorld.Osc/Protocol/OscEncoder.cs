using System.Buffers.Binary;
using System.Text;

namespace GenWorld.Osc.Protocol;

/// <summary>
/// Packets to bytes (OSC 1.0 "OSC Packets"): big-endian numbers, strings NUL-terminated and padded with NULs to a multiple
/// of 4, blobs as an int32 size then the bytes padded to 4, bundles as "#bundle", a time tag and size-prefixed elements.
/// The size is computed first so a sender can encode into one reused buffer without allocating.
/// </summary>
public static class OscEncoder
{
    /// <summary>The packet as a new array.</summary>
    public static byte[] Encode(OscPacket packet)
    {
        var bytes = new byte[GetSize(packet)];
        Write(packet, bytes);
        return bytes;
    }

    /// <summary>How many bytes <see cref="Write"/> will write; always a multiple of 4.</summary>
    public static int GetSize(OscPacket packet) => packet switch
    {
        OscMessage m => MessageSize(m),
        OscBundle b => BundleSize(b),
        _ => throw new ArgumentException($"Unknown packet type {packet?.GetType().Name}.", nameof(packet)),
    };

    /// <summary>Writes the packet at the start of <paramref name="destination"/> and returns the byte count.</summary>
    public static int Write(OscPacket packet, Span<byte> destination)
    {
        int size = GetSize(packet);
        if (destination.Length < size) throw new ArgumentException($"The packet needs {size} bytes, the buffer has {destination.Length}.", nameof(destination));
        destination[..size].Clear();   // padding is NUL
        return packet is OscMessage m ? WriteMessage(m, destination) : WriteBundle((OscBundle)packet, destination);
    }

    internal static int Padded(int length) => (length + 3) & ~3;

    private static int StringSize(string s) => Padded(Encoding.UTF8.GetByteCount(s) + 1);

    private static int MessageSize(OscMessage m)
    {
        int size = StringSize(m.Address) + Padded(m.Arguments.Count + 2);   // ',' + tags + NUL
        foreach (OscArgument a in m.ArgumentSpan)
        {
            size += a.Tag switch
            {
                OscTypeTags.String or OscTypeTags.Symbol => StringSize(a.AsString()),
                OscTypeTags.Blob => 4 + Padded(a.AsBlob().Length),
                _ => OscTypeTags.FixedSize(a.Tag),
            };
        }
        return size;
    }

    private static int BundleSize(OscBundle b)
    {
        int size = OscBundle.Marker.Length + 8;
        foreach (OscPacket e in b.Elements) size += 4 + GetSize(e);
        return size;
    }

    private static int WriteMessage(OscMessage m, Span<byte> d)
    {
        int at = WriteString(m.Address, d);
        d[at] = (byte)',';
        for (int i = 0; i < m.Arguments.Count; i++) d[at + 1 + i] = (byte)m.Arguments[i].Tag;
        at += Padded(m.Arguments.Count + 2);
        foreach (OscArgument a in m.ArgumentSpan) at += WriteArgument(a, d[at..]);
        return at;
    }

    private static int WriteArgument(OscArgument a, Span<byte> d)
    {
        switch (a.Tag)
        {
            case OscTypeTags.String or OscTypeTags.Symbol:
                return WriteString(a.AsString(), d);
            case OscTypeTags.Blob:
                byte[] blob = a.AsBlob();
                BinaryPrimitives.WriteInt32BigEndian(d, blob.Length);
                blob.CopyTo(d[4..]);
                return 4 + Padded(blob.Length);
            default:
                int size = OscTypeTags.FixedSize(a.Tag);
                if (size == 4) BinaryPrimitives.WriteUInt32BigEndian(d, a.Bits32);
                else if (size == 8) BinaryPrimitives.WriteUInt64BigEndian(d, a.Bits64);
                return size;
        }
    }

    private static int WriteBundle(OscBundle b, Span<byte> d)
    {
        OscBundle.Marker.CopyTo(d);
        BinaryPrimitives.WriteUInt64BigEndian(d[8..], b.TimeTag.Value);
        int at = 16;
        foreach (OscPacket e in b.Elements)
        {
            int written = Write(e, d[(at + 4)..]);
            BinaryPrimitives.WriteInt32BigEndian(d[at..], written);
            at += 4 + written;
        }
        return at;
    }

    private static int WriteString(string s, Span<byte> d) => Padded(Encoding.UTF8.GetBytes(s, d) + 1);
}

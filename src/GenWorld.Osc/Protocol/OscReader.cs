using System.Buffers.Binary;
using System.Text;

namespace GenWorld.Osc.Protocol;

/// <summary>
/// A cursor over one packet's bytes. Each read either succeeds or records why it failed and returns false: malformed
/// input is the normal case for a network receiver, so it costs a branch, not an exception.
/// </summary>
internal ref struct OscReader(ReadOnlySpan<byte> data, int maxStringBytes)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    public OscDropReason Error { get; private set; }

    public readonly int Remaining => _data.Length - _position;

    public readonly ReadOnlySpan<byte> Rest => _data[_position..];

    public bool Fail(OscDropReason reason)
    {
        Error = reason;
        return false;
    }

    public bool TryReadUInt32(out uint value)
    {
        value = 0;
        if (Remaining < 4) return Fail(OscDropReason.Truncated);
        value = BinaryPrimitives.ReadUInt32BigEndian(_data[_position..]);
        _position += 4;
        return true;
    }

    public bool TryReadUInt64(out ulong value)
    {
        value = 0;
        if (Remaining < 8) return Fail(OscDropReason.Truncated);
        value = BinaryPrimitives.ReadUInt64BigEndian(_data[_position..]);
        _position += 8;
        return true;
    }

    /// <summary>The raw bytes of a NUL-terminated, 4-padded string; the padding is skipped, not checked (robustness).</summary>
    public bool TryReadStringBytes(out ReadOnlySpan<byte> text)
    {
        text = default;
        ReadOnlySpan<byte> rest = Rest;
        int searched = Math.Min(rest.Length, maxStringBytes + 1);
        int end = rest[..searched].IndexOf((byte)0);
        if (end < 0) return Fail(rest.Length > maxStringBytes ? OscDropReason.StringTooLong : OscDropReason.Truncated);
        int padded = OscEncoder.Padded(end + 1);
        if (padded > rest.Length) return Fail(OscDropReason.Truncated);
        text = rest[..end];
        _position += padded;
        return true;
    }

    public bool TryReadString(out string value)
    {
        value = "";
        if (!TryReadStringBytes(out ReadOnlySpan<byte> bytes)) return false;
        value = Encoding.UTF8.GetString(bytes);   // invalid UTF-8 becomes U+FFFD, never an exception
        return true;
    }

    public bool TryReadBlob(out byte[] value)
    {
        value = [];
        if (!TryReadUInt32(out uint size)) return false;
        if (size > (uint)Remaining || OscEncoder.Padded((int)size) > Remaining) return Fail(OscDropReason.BadBlobSize);
        value = _data.Slice(_position, (int)size).ToArray();
        _position += OscEncoder.Padded((int)size);
        return true;
    }

    public void Skip(int bytes) => _position += bytes;
}

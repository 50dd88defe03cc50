using System.Diagnostics.CodeAnalysis;

namespace GenWorld.Osc.Protocol;

/// <summary>
/// Bytes to packets. Never throws on any input: a packet either decodes completely or is refused with one
/// <see cref="OscDropReason"/>. Strict where a mistake would shift every later field (sizes, alignment, type tags), lenient
/// where the spec asks for robustness (a message without a type tag string has no arguments; padding is not checked).
/// </summary>
public static class OscDecoder
{
    /// <summary>Decodes one datagram.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> data, [NotNullWhen(true)] out OscPacket? packet, out OscDropReason reason, OscDecodeLimits? limits = null)
    {
        limits ??= OscDecodeLimits.Default;
        packet = null;
        reason = data.IsEmpty ? OscDropReason.Empty : (data.Length & 3) != 0 ? OscDropReason.BadAlignment : OscDropReason.None;
        return reason == OscDropReason.None && TryDecodePacket(data, limits, 0, out packet, out reason);
    }

    private static bool TryDecodePacket(ReadOnlySpan<byte> data, OscDecodeLimits limits, int depth, [NotNullWhen(true)] out OscPacket? packet, out OscDropReason reason)
    {
        var reader = new OscReader(data, limits.MaxStringBytes);
        bool ok = data.StartsWith(OscBundle.Marker)
            ? TryReadBundle(ref reader, limits, depth, out packet)
            : TryReadMessage(ref reader, out packet);
        reason = ok ? OscDropReason.None : reader.Error;
        return ok;
    }

    private static bool TryReadMessage(ref OscReader reader, [NotNullWhen(true)] out OscPacket? packet)
    {
        packet = null;
        if (!reader.TryReadString(out string address)) return false;
        if (!OscMessage.IsValidAddress(address)) return reader.Fail(OscDropReason.BadAddress);
        if (reader.Remaining == 0)
        {
            packet = new OscMessage(address);   // OSC 1.0: old senders may omit the type tags; that is a message without arguments
            return true;
        }
        if (!reader.TryReadStringBytes(out ReadOnlySpan<byte> tags)) return false;
        if (tags.IsEmpty || tags[0] != (byte)',') return reader.Fail(OscDropReason.BadTypeTag);
        tags = tags[1..];
        var arguments = new OscArgument[tags.Length];
        for (int i = 0; i < tags.Length; i++)
            if (!TryReadArgument(ref reader, (char)tags[i], out arguments[i])) return false;
        if (reader.Remaining != 0) return reader.Fail(OscDropReason.TrailingBytes);
        packet = new OscMessage(address, arguments);
        return true;
    }

    private static bool TryReadArgument(ref OscReader reader, char tag, out OscArgument argument)
    {
        argument = default;
        switch (tag)
        {
            case OscTypeTags.Int32 or OscTypeTags.Float32 or OscTypeTags.Char or OscTypeTags.Rgba or OscTypeTags.Midi:
                if (!reader.TryReadUInt32(out uint bits)) return false;
                argument = tag switch
                {
                    OscTypeTags.Int32 => OscArgument.Int32((int)bits),
                    OscTypeTags.Float32 => OscArgument.Float32(BitConverter.Int32BitsToSingle((int)bits)),
                    _ => OscArgument.Raw32(tag, bits),
                };
                return true;
            case OscTypeTags.Int64 or OscTypeTags.Float64 or OscTypeTags.TimeTag:
                if (!reader.TryReadUInt64(out ulong wide)) return false;
                argument = tag switch
                {
                    OscTypeTags.Int64 => OscArgument.Int64((long)wide),
                    OscTypeTags.Float64 => OscArgument.Float64(BitConverter.Int64BitsToDouble((long)wide)),
                    _ => OscArgument.Time(new OscTimeTag(wide)),
                };
                return true;
            case OscTypeTags.String or OscTypeTags.Symbol:
                if (!reader.TryReadString(out string text)) return false;
                argument = tag == OscTypeTags.String ? OscArgument.String(text) : OscArgument.Symbol(text);
                return true;
            case OscTypeTags.Blob:
                if (!reader.TryReadBlob(out byte[] blob)) return false;
                argument = OscArgument.Blob(blob);
                return true;
            case OscTypeTags.True or OscTypeTags.False:
                argument = OscArgument.Bool(tag == OscTypeTags.True);
                return true;
            case OscTypeTags.Nil:
                argument = OscArgument.Nil;
                return true;
            case OscTypeTags.Impulse:
                argument = OscArgument.Impulse;
                return true;
            default:
                return reader.Fail(OscDropReason.BadTypeTag);   // unknown size: nothing after it can be found
        }
    }

    private static bool TryReadBundle(ref OscReader reader, OscDecodeLimits limits, int depth, [NotNullWhen(true)] out OscPacket? packet)
    {
        packet = null;
        if (depth >= limits.MaxBundleDepth) return reader.Fail(OscDropReason.BundleTooDeep);
        reader.Skip(OscBundle.Marker.Length);
        if (!reader.TryReadUInt64(out ulong time)) return false;
        var elements = new List<OscPacket>();
        while (reader.Remaining > 0)
        {
            if (!reader.TryReadUInt32(out uint size)) return false;
            if (size == 0 || (size & 3) != 0 || size > int.MaxValue) return reader.Fail(OscDropReason.BadBundleElement);
            if (size > (uint)reader.Remaining) return reader.Fail(OscDropReason.Truncated);
            if (!TryDecodePacket(reader.Rest[..(int)size], limits, depth + 1, out OscPacket? element, out OscDropReason inner))
                return reader.Fail(inner);
            elements.Add(element);
            reader.Skip((int)size);
        }
        packet = new OscBundle(new OscTimeTag(time), [.. elements]);
        return true;
    }
}

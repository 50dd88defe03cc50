using System.Globalization;

namespace GenWorld.Osc.Protocol;

/// <summary>
/// One OSC argument with its type tag kept, so a receiver can tell an int 2 from a float 2.0 (tools differ: node-osc
/// sends whole numbers as <c>i</c>, TouchOSC sends <c>f</c>). Numbers live in one 64-bit field and strings/blobs in one
/// reference, so a message's arguments are one array without boxing.
/// </summary>
public readonly struct OscArgument : IEquatable<OscArgument>
{
    private readonly long _bits;
    private readonly object? _reference;

    private OscArgument(char tag, long bits, object? reference = null)
    {
        Tag = tag;
        _bits = bits;
        _reference = reference;
    }

    /// <summary>The OSC type tag character (see <see cref="OscTypeTags"/>).</summary>
    public char Tag { get; }

    /// <summary>int32 <c>i</c>.</summary>
    public static OscArgument Int32(int value) => new(OscTypeTags.Int32, value);

    /// <summary>float32 <c>f</c>.</summary>
    public static OscArgument Float32(float value) => new(OscTypeTags.Float32, BitConverter.SingleToInt32Bits(value));

    /// <summary>string <c>s</c>; NUL cannot be encoded, it ends an OSC string.</summary>
    public static OscArgument String(string value) => new(OscTypeTags.String, 0, CheckedString(value));

    /// <summary>symbol <c>S</c> (1.1 "alternate string", used by SuperCollider).</summary>
    public static OscArgument Symbol(string value) => new(OscTypeTags.Symbol, 0, CheckedString(value));

    /// <summary>blob <c>b</c>: an int32 size and that many bytes.</summary>
    public static OscArgument Blob(byte[] value) => new(OscTypeTags.Blob, 0, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary><c>T</c> or <c>F</c>: the value is the tag itself, no data bytes.</summary>
    public static OscArgument Bool(bool value) => new(value ? OscTypeTags.True : OscTypeTags.False, 0);

    /// <summary><c>N</c>, nil.</summary>
    public static OscArgument Nil { get; } = new(OscTypeTags.Nil, 0);

    /// <summary><c>I</c>, impulse ("bang" in Max/Pd).</summary>
    public static OscArgument Impulse { get; } = new(OscTypeTags.Impulse, 0);

    /// <summary>int64 <c>h</c>.</summary>
    public static OscArgument Int64(long value) => new(OscTypeTags.Int64, value);

    /// <summary>float64 <c>d</c>.</summary>
    public static OscArgument Float64(double value) => new(OscTypeTags.Float64, BitConverter.DoubleToInt64Bits(value));

    /// <summary>time tag <c>t</c>.</summary>
    public static OscArgument Time(OscTimeTag value) => new(OscTypeTags.TimeTag, (long)value.Value);

    /// <summary>A 32-bit argument kept as raw bits: char <c>c</c>, RGBA colour <c>r</c>, MIDI message <c>m</c>.</summary>
    public static OscArgument Raw32(char tag, uint bits) => tag is OscTypeTags.Char or OscTypeTags.Rgba or OscTypeTags.Midi
        ? new(tag, bits)
        : throw new ArgumentOutOfRangeException(nameof(tag), tag, "Raw 32-bit arguments are c, r or m.");

    /// <summary>The int32 of an <c>i</c>.</summary>
    public int AsInt32() => Tag == OscTypeTags.Int32 ? (int)_bits : throw WrongType("i");

    /// <summary>The float32 of an <c>f</c>.</summary>
    public float AsFloat32() => Tag == OscTypeTags.Float32 ? BitConverter.Int32BitsToSingle((int)_bits) : throw WrongType("f");

    /// <summary>The text of an <c>s</c> or <c>S</c>.</summary>
    public string AsString() => Tag is OscTypeTags.String or OscTypeTags.Symbol ? (string)_reference! : throw WrongType("s");

    /// <summary>The bytes of a <c>b</c>.</summary>
    public byte[] AsBlob() => Tag == OscTypeTags.Blob ? (byte[])_reference! : throw WrongType("b");

    /// <summary>The int64 of an <c>h</c>.</summary>
    public long AsInt64() => Tag == OscTypeTags.Int64 ? _bits : throw WrongType("h");

    /// <summary>The float64 of a <c>d</c>.</summary>
    public double AsFloat64() => Tag == OscTypeTags.Float64 ? BitConverter.Int64BitsToDouble(_bits) : throw WrongType("d");

    /// <summary>The time tag of a <c>t</c>.</summary>
    public OscTimeTag AsTimeTag() => Tag == OscTypeTags.TimeTag ? new OscTimeTag((ulong)_bits) : throw WrongType("t");

    /// <summary>The raw bits of a 32-bit argument (<c>i f c r m</c>), as they go on the wire.</summary>
    public uint Bits32 => (uint)_bits;

    /// <summary>The raw bits of a 64-bit argument (<c>h d t</c>), as they go on the wire.</summary>
    public ulong Bits64 => (ulong)_bits;

    /// <summary>Any numeric tag (<c>i f h d</c>) as a double; controllers disagree on int vs float, so inputs accept all.</summary>
    public bool TryGetNumber(out double value)
    {
        value = Tag switch
        {
            OscTypeTags.Int32 => (int)_bits,
            OscTypeTags.Float32 => BitConverter.Int32BitsToSingle((int)_bits),
            OscTypeTags.Int64 => _bits,
            OscTypeTags.Float64 => BitConverter.Int64BitsToDouble(_bits),
            _ => double.NaN,
        };
        return Tag is OscTypeTags.Int32 or OscTypeTags.Float32 or OscTypeTags.Int64 or OscTypeTags.Float64;
    }

    /// <summary>Same tag and same value (floats compared bit for bit, blobs byte for byte).</summary>
    public bool Equals(OscArgument other) => Tag == other.Tag && _bits == other._bits && _reference switch
    {
        byte[] blob => other._reference is byte[] o && blob.AsSpan().SequenceEqual(o),
        _ => Equals(_reference, other._reference),
    };

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is OscArgument other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Tag, _bits, _reference is string s ? s.GetHashCode(StringComparison.Ordinal) : 0);

    /// <summary>Equal arguments.</summary>
    public static bool operator ==(OscArgument left, OscArgument right) => left.Equals(right);

    /// <summary>Different arguments.</summary>
    public static bool operator !=(OscArgument left, OscArgument right) => !left.Equals(right);

    /// <summary>The tag and the value, e.g. <c>f:1.5</c>.</summary>
    public override string ToString() => Tag + ":" + Tag switch
    {
        OscTypeTags.Int32 or OscTypeTags.Int64 => _bits.ToString(CultureInfo.InvariantCulture),
        OscTypeTags.Float32 => AsFloat32().ToString("R", CultureInfo.InvariantCulture),
        OscTypeTags.Float64 => AsFloat64().ToString("R", CultureInfo.InvariantCulture),
        OscTypeTags.String or OscTypeTags.Symbol => "\"" + (string)_reference! + "\"",
        OscTypeTags.Blob => ((byte[])_reference!).Length + " bytes",
        OscTypeTags.TimeTag => AsTimeTag().ToString(),
        OscTypeTags.Char or OscTypeTags.Rgba or OscTypeTags.Midi => "0x" + Bits32.ToString("x8", CultureInfo.InvariantCulture),
        _ => "",
    };

    private static string CheckedString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Contains('\0', StringComparison.Ordinal)) throw new ArgumentException("An OSC string cannot contain NUL: it would end the string.", nameof(value));
        return value;
    }

    private InvalidOperationException WrongType(string wanted) => new($"OSC argument is '{Tag}', not '{wanted}'.");
}

namespace GenWorld.Osc.Protocol;

/// <summary>The type tag characters of OSC 1.0 (required <c>i f s b</c>, optional ones) and 1.1 (<c>T F N I t</c>).</summary>
public static class OscTypeTags
{
    /// <summary>int32, big-endian two's complement.</summary>
    public const char Int32 = 'i';
    /// <summary>float32, big-endian IEEE 754.</summary>
    public const char Float32 = 'f';
    /// <summary>NUL-terminated string padded to 4 bytes.</summary>
    public const char String = 's';
    /// <summary>int32 size, bytes, padding to 4.</summary>
    public const char Blob = 'b';
    /// <summary>True: no data bytes.</summary>
    public const char True = 'T';
    /// <summary>False: no data bytes.</summary>
    public const char False = 'F';
    /// <summary>Nil: no data bytes.</summary>
    public const char Nil = 'N';
    /// <summary>Impulse (infinitum in 1.0): no data bytes.</summary>
    public const char Impulse = 'I';
    /// <summary>int64, big-endian.</summary>
    public const char Int64 = 'h';
    /// <summary>float64, big-endian.</summary>
    public const char Float64 = 'd';
    /// <summary>OSC time tag, 8 bytes.</summary>
    public const char TimeTag = 't';
    /// <summary>Alternate string ("symbol").</summary>
    public const char Symbol = 'S';
    /// <summary>ASCII character in 32 bits.</summary>
    public const char Char = 'c';
    /// <summary>32-bit RGBA colour.</summary>
    public const char Rgba = 'r';
    /// <summary>4-byte MIDI message: port, status, data1, data2.</summary>
    public const char Midi = 'm';

    /// <summary>How many data bytes a tag takes, 0 for the data-less ones, -1 for variable (string, blob), -2 unknown.</summary>
    internal static int FixedSize(char tag) => tag switch
    {
        Int32 or Float32 or Char or Rgba or Midi => 4,
        Int64 or Float64 or TimeTag => 8,
        True or False or Nil or Impulse => 0,
        String or Symbol or Blob => -1,
        _ => -2,
    };
}

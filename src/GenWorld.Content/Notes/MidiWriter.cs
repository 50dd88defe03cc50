using GenWorld.Core.IO;

namespace GenWorld.Content.Notes;

/// <summary>
/// Writes a Standard MIDI File (format 0, one track) from timed channel events. Only what note rendering needs:
/// program change, note on/off, control change, tempo.
/// </summary>
public sealed class MidiWriter
{
    /// <summary>Ticks per quarter note; with the fixed 120 bpm tempo one tick is 1/960 s.</summary>
    public const int TicksPerQuarter = 480;

    /// <summary>Ticks per second at the fixed tempo.</summary>
    public const int TicksPerSecond = 960;

    private readonly List<(long Tick, int Order, byte[] Bytes)> _events = [];

    /// <summary>Program change (0–127) on a channel (0–15).</summary>
    public void ProgramChange(double seconds, int channel, int program) => Add(seconds, 0, 0xC0, channel, program);

    /// <summary>Note on with velocity 1–127.</summary>
    public void NoteOn(double seconds, int channel, int pitch, int velocity) => Add(seconds, 2, 0x90, channel, pitch, velocity);

    /// <summary>Note off.</summary>
    public void NoteOff(double seconds, int channel, int pitch) => Add(seconds, 1, 0x80, channel, pitch, 0);

    /// <summary>Control change (e.g. 120 All Sound Off, 121 Reset All Controllers).</summary>
    public void ControlChange(double seconds, int channel, int controller, int value) => Add(seconds, 1, 0xB0, channel, controller, value);

    private void Add(double seconds, int order, int status, int channel, params int[] data)
    {
        if (seconds < 0) throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "event time must be ≥ 0");
        if (channel is < 0 or > 15) throw new ArgumentOutOfRangeException(nameof(channel), channel, "MIDI channel is 0–15");
        foreach (var d in data)
            if (d is < 0 or > 127) throw new ArgumentOutOfRangeException(nameof(data), d, "MIDI data bytes are 0–127");
        var bytes = new byte[1 + data.Length];
        bytes[0] = (byte)(status | channel);
        for (var i = 0; i < data.Length; i++) bytes[i + 1] = (byte)data[i];
        _events.Add(((long)Math.Round(seconds * TicksPerSecond), order, bytes));
    }

    /// <summary>The file's bytes.</summary>
    public byte[] ToBytes()
    {
        var track = new MemoryStream();
        WriteVarLen(track, 0);
        track.Write([0xFF, 0x51, 0x03, 0x07, 0xA1, 0x20]); // tempo 500000 µs per quarter = 120 bpm
        long last = 0;
        // Stable sort: at equal ticks, program changes first, then offs/controls, then ons.
        foreach (var e in _events.OrderBy(e => e.Tick).ThenBy(e => e.Order))
        {
            WriteVarLen(track, e.Tick - last);
            track.Write(e.Bytes);
            last = e.Tick;
        }
        WriteVarLen(track, 0);
        track.Write([0xFF, 0x2F, 0x00]);

        var file = new MemoryStream();
        file.Write("MThd"u8);
        WriteBigEndian(file, 6, 4);
        WriteBigEndian(file, 0, 2); // format 0
        WriteBigEndian(file, 1, 2); // one track
        WriteBigEndian(file, TicksPerQuarter, 2);
        file.Write("MTrk"u8);
        WriteBigEndian(file, track.Length, 4);
        track.WriteTo(file);
        return file.ToArray();
    }

    /// <summary>Writes the file atomically.</summary>
    public void Write(string path) => AtomicFile.WriteAllBytes(path, ToBytes());

    private static void WriteVarLen(Stream s, long value)
    {
        var buffer = new Stack<byte>();
        buffer.Push((byte)(value & 0x7F));
        while ((value >>= 7) > 0) buffer.Push((byte)((value & 0x7F) | 0x80));
        while (buffer.Count > 0) s.WriteByte(buffer.Pop());
    }

    private static void WriteBigEndian(Stream s, long value, int bytes)
    {
        for (var i = bytes - 1; i >= 0; i--) s.WriteByte((byte)(value >> (8 * i)));
    }
}

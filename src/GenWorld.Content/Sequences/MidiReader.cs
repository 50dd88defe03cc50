using System.Buffers.Binary;

namespace GenWorld.Content.Sequences;

/// <summary>
/// Reads the notes of a Standard MIDI File (format 0 or 1, metrical time): tempo changes from every track form one
/// tempo map, program changes are tracked per channel, a note-on with velocity 0 is a note-off, and a key struck again
/// while it sounds ends the earlier note. Sysex and meta events other than tempo are skipped.
/// </summary>
public static class MidiReader
{
    /// <summary>Parses <paramref name="bytes"/>; <paramref name="name"/> is used in error messages.</summary>
    public static IReadOnlyList<MidiNote> Read(ReadOnlySpan<byte> bytes, string name = "midi")
    {
        if (bytes.Length < 14 || !bytes[..4].SequenceEqual("MThd"u8))
            throw new MidiFileException($"{name}: not a Standard MIDI File (no MThd header).");
        int headerLength = BinaryPrimitives.ReadInt32BigEndian(bytes[4..]);
        int format = BinaryPrimitives.ReadUInt16BigEndian(bytes[8..]);
        int division = BinaryPrimitives.ReadUInt16BigEndian(bytes[12..]);
        if (format > 1) throw new MidiFileException($"{name}: MIDI format {format} is not supported (0 or 1).");
        if ((division & 0x8000) != 0 || division == 0) throw new MidiFileException($"{name}: SMPTE time division is not supported.");

        var tracks = new List<List<TrackEvent>>();
        int offset = 8 + headerLength;
        while (offset + 8 <= bytes.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(bytes[(offset + 4)..]);
            int start = offset + 8;
            if (length < 0 || start + length > bytes.Length) throw new MidiFileException($"{name}: chunk at byte {offset} runs past the end of the file.");
            if (bytes.Slice(offset, 4).SequenceEqual("MTrk"u8)) tracks.Add(ReadTrack(bytes.Slice(start, length), name, tracks.Count));
            offset = start + length;
        }
        if (tracks.Count == 0) throw new MidiFileException($"{name}: no MTrk chunk.");

        var tempo = new TempoMap(division, tracks.SelectMany(t => t).Where(e => e.Kind == EventKind.Tempo).Select(e => (e.Tick, e.Value)));
        var notes = new List<MidiNote>();
        foreach (List<TrackEvent> track in tracks) CollectNotes(track, tempo, notes);
        notes.Sort((a, b) => a.OnsetSeconds != b.OnsetSeconds ? a.OnsetSeconds.CompareTo(b.OnsetSeconds) : a.Pitch.CompareTo(b.Pitch));
        return notes;
    }

    private static void CollectNotes(List<TrackEvent> track, TempoMap tempo, List<MidiNote> notes)
    {
        var programs = new int[16];
        var sounding = new Dictionary<(int Channel, int Pitch), (long Tick, int Program, int Velocity)>();
        long lastTick = 0;
        foreach (TrackEvent e in track)
        {
            lastTick = e.Tick;
            switch (e.Kind)
            {
                case EventKind.Program:
                    programs[e.Channel] = e.Value;
                    break;
                case EventKind.NoteOn:
                    End(e.Channel, e.Pitch, e.Tick);
                    sounding[(e.Channel, e.Pitch)] = (e.Tick, programs[e.Channel], e.Value);
                    break;
                case EventKind.NoteOff:
                    End(e.Channel, e.Pitch, e.Tick);
                    break;
            }
        }
        foreach ((int channel, int pitch) in sounding.Keys.ToList()) End(channel, pitch, lastTick);

        void End(int channel, int pitch, long tick)
        {
            if (!sounding.Remove((channel, pitch), out var on)) return;
            double start = tempo.Seconds(on.Tick);
            double duration = tempo.Seconds(tick) - start;
            if (duration > 0) notes.Add(new MidiNote(start, duration, channel, on.Program, pitch, on.Velocity));
        }
    }

    private static List<TrackEvent> ReadTrack(ReadOnlySpan<byte> data, string name, int index)
    {
        var events = new List<TrackEvent>();
        int pos = 0, running = 0;
        long tick = 0;
        while (pos < data.Length)
        {
            tick += VarLen(data, ref pos, name);
            if (pos >= data.Length) break;
            int status = data[pos];
            if (status >= 0x80) pos++;
            else if (running == 0) throw new MidiFileException($"{name}: track {index} has running status before any status byte (byte {pos}).");
            else status = running;

            if (status == 0xFF)
            {
                int type = Byte(data, pos++, name);
                int length = (int)VarLen(data, ref pos, name);
                if (pos + length > data.Length) throw new MidiFileException($"{name}: track {index} meta event runs past the track end.");
                if (type == 0x51 && length == 3)
                    events.Add(new TrackEvent(tick, EventKind.Tempo, 0, 0, (data[pos] << 16) | (data[pos + 1] << 8) | data[pos + 2]));
                pos += length;
                if (type == 0x2F) break;
                continue;
            }
            if (status is 0xF0 or 0xF7)
            {
                pos += (int)VarLen(data, ref pos, name);
                continue;
            }
            running = status;
            int kind = status & 0xF0, channel = status & 0x0F;
            int a = Byte(data, pos++, name);
            int b = kind is 0xC0 or 0xD0 ? 0 : Byte(data, pos++, name);
            if (kind == 0x90 && b > 0) events.Add(new TrackEvent(tick, EventKind.NoteOn, channel, a, b));
            else if (kind == 0x80 || kind == 0x90) events.Add(new TrackEvent(tick, EventKind.NoteOff, channel, a, 0));
            else if (kind == 0xC0) events.Add(new TrackEvent(tick, EventKind.Program, channel, 0, a));
        }
        return events;
    }

    private static int Byte(ReadOnlySpan<byte> data, int pos, string name) =>
        pos < data.Length ? data[pos] : throw new MidiFileException($"{name}: an event is cut off at the end of a track.");

    private static long VarLen(ReadOnlySpan<byte> data, ref int pos, string name)
    {
        long value = 0;
        for (int i = 0; i < 4; i++)
        {
            int b = Byte(data, pos++, name);
            value = (value << 7) | (uint)(b & 0x7F);
            if ((b & 0x80) == 0) return value;
        }
        throw new MidiFileException($"{name}: a variable-length number is longer than 4 bytes.");
    }

    private enum EventKind { NoteOn, NoteOff, Program, Tempo }

    private readonly record struct TrackEvent(long Tick, EventKind Kind, int Channel, int Pitch, int Value);
}

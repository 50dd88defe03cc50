using GenWorld.Content.Notes;
using GenWorld.Content.Sequences;
using GenWorld.Core.Sequences;

namespace GenWorld.Content.Tests.Sequences;

public sealed class MidiReaderTests
{
    [Fact]
    public void Notes_written_by_our_writer_come_back_with_times_programs_and_lengths()
    {
        var midi = new MidiWriter();
        midi.ProgramChange(0, 0, 33);
        midi.NoteOn(0.5, 0, 40, 90);
        midi.NoteOff(1.0, 0, 40);
        midi.ProgramChange(0, 9, 0);
        midi.NoteOn(0.75, 9, 36, 100); // drum channel
        midi.NoteOff(0.8, 9, 36);
        midi.NoteOn(1.25, 0, 43, 70);
        midi.NoteOn(1.5, 0, 43, 0); // velocity-0 note-on ends the note

        IReadOnlyList<MidiNote> notes = MidiReader.Read(midi.ToBytes(), "test.mid");

        Assert.Equal(3, notes.Count);
        MidiNote bass = notes[0];
        Assert.Equal((0, 33, 40, 90), (bass.Channel, bass.Program, bass.Pitch, bass.Velocity));
        Assert.Equal(0.5, bass.OnsetSeconds, 3);
        Assert.Equal(0.5, bass.DurationSeconds, 3);
        Assert.Equal(9, notes[1].Channel);
        Assert.Equal(0.25, notes[2].DurationSeconds, 3);
    }

    [Fact]
    public void A_tempo_change_stretches_the_times_after_it()
    {
        // Format 0, 480 ticks per quarter: a note at tick 480 (0.5 s at 120 bpm), tempo to 60 bpm, a note at tick 960.
        byte[] track =
        [
            0x00, 0x90, 60, 100, 0x83, 0x60, 0x80, 60, 0,
            0x00, 0xFF, 0x51, 0x03, 0x0F, 0x42, 0x40,
            0x00, 0x90, 62, 100, 0x83, 0x60, 0x80, 62, 0,
            0x00, 0xFF, 0x2F, 0x00,
        ];
        byte[] file = [.. "MThd"u8, 0, 0, 0, 6, 0, 0, 0, 1, 0x01, 0xE0, .. "MTrk"u8, 0, 0, 0, (byte)track.Length, .. track];

        IReadOnlyList<MidiNote> notes = MidiReader.Read(file);

        Assert.Equal(0.5, notes[0].DurationSeconds, 6);
        Assert.Equal(0.5, notes[1].OnsetSeconds, 6);
        Assert.Equal(1.0, notes[1].DurationSeconds, 6);
    }

    [Fact]
    public void Garbage_is_refused_naming_the_file()
    {
        var e = Assert.Throws<MidiFileException>(() => MidiReader.Read("RIFF....WAVEfmt "u8, "song.mid"));
        Assert.Contains("song.mid", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quantiser_drops_drums_folds_pitches_and_rounds_to_the_grid()
    {
        MidiNote[] notes =
        [
            new(0.01, 0.26, 0, 0, 110, 80),  // piano, too high: folds down by octaves
            new(0.5, 0.1, 9, 0, 36, 100),    // drums: dropped
            new(0.5, 0.5, 1, 33, 12, 90),    // bass, too low: folds up
            new(0.5, 0.5, 1, 33, 12, 90),    // exact duplicate: merged
        ];

        List<NoteEvent> events = NoteQuantiser.Quantise(notes);

        Assert.Equal(2, events.Count);
        Assert.Equal(new NoteEvent(0, 6, 0, 98 - 12), events[0]);
        Assert.Equal(new NoteEvent(12, 12, 4, 24), events[1]);
    }
}

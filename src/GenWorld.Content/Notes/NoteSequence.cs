namespace GenWorld.Content.Notes;

/// <summary>Builds the MIDI file that plays a list of notes, one per fixed time slot, on channel 0.</summary>
public static class NoteSequence
{
    /// <summary>
    /// Per slot: program change, note on, note off after the hold, All Sound Off (CC 120) and Reset All Controllers
    /// (CC 121) just before the next slot, so no tail or controller state leaks into the next note.
    /// </summary>
    public static MidiWriter Build(IReadOnlyList<NoteSlot> slots, SlotTiming timing)
    {
        var midi = new MidiWriter();
        for (var i = 0; i < slots.Count; i++)
        {
            var t = i * timing.SlotSeconds;
            var s = slots[i];
            midi.ProgramChange(t, 0, s.Program);
            midi.NoteOn(t, 0, s.Pitch, s.Velocity);
            midi.NoteOff(t + timing.HoldSeconds, 0, s.Pitch);
            midi.ControlChange(t + timing.SilenceAtSeconds, 0, 120, 0);
            midi.ControlChange(t + timing.SilenceAtSeconds, 0, 121, 0);
        }
        // A last event at the end of the final slot so the rendered file covers it completely.
        midi.ControlChange(slots.Count * timing.SlotSeconds, 0, 120, 0);
        return midi;
    }
}

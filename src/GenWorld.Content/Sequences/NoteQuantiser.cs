using GenWorld.Core.Sequences;

namespace GenWorld.Content.Sequences;

/// <summary>
/// MIDI notes → grid events for the prior: drums (channel 10) are dropped since the notes VAE has no drum kits,
/// the program becomes its GM family, pitches are folded by octaves into the VAE's range, onsets and lengths are
/// rounded to the grid (length at least one step), and exact duplicates are merged.
/// </summary>
public static class NoteQuantiser
{
    /// <summary>The GM drum channel (0-based).</summary>
    public const int DrumChannel = 9;

    /// <summary>Events sorted by onset, then family, then pitch.</summary>
    public static List<NoteEvent> Quantise(IEnumerable<MidiNote> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        var seen = new HashSet<(long, int, int)>();
        var events = new List<NoteEvent>();
        foreach (MidiNote n in notes)
        {
            if (n.Channel == DrumChannel) continue;
            long onset = (long)Math.Round(n.OnsetSeconds / NoteVocabulary.StepSeconds);
            int length = Math.Max(1, (int)Math.Round(n.DurationSeconds / NoteVocabulary.StepSeconds));
            int family = n.Program / 8;
            int pitch = FoldPitch(n.Pitch);
            if (seen.Add((onset, family, pitch))) events.Add(new NoteEvent(onset, length, family, pitch));
        }
        events.Sort((a, b) => a.OnsetStep != b.OnsetStep ? a.OnsetStep.CompareTo(b.OnsetStep)
            : a.Family != b.Family ? a.Family.CompareTo(b.Family) : a.Pitch.CompareTo(b.Pitch));
        return events;
    }

    /// <summary>Moves a pitch by whole octaves into [PitchMin, PitchMax].</summary>
    public static int FoldPitch(int pitch)
    {
        while (pitch < NoteVocabulary.PitchMin) pitch += 12;
        while (pitch > NoteVocabulary.PitchMax) pitch -= 12;
        return pitch;
    }
}

namespace GenWorld.Content.Notes;

/// <summary>One note to render: GM program, MIDI pitch and velocity.</summary>
public sealed record NoteSlot(int Program, int Pitch, int Velocity);

/// <summary>Timing of the slots in a rendered note sequence.</summary>
/// <param name="SlotSeconds">Distance between note starts.</param>
/// <param name="HoldSeconds">Time from note on to note off.</param>
public sealed record SlotTiming(double SlotSeconds = 3.2, double HoldSeconds = 1.5)
{
    /// <summary>Time within the slot at which All Sound Off silences any release tail before the next note.</summary>
    public double SilenceAtSeconds => SlotSeconds - 0.1;

    /// <summary>Samples per slot at <paramref name="rate"/> (slot starts are rounded from exact times).</summary>
    public int SlotStart(int index, int rate) => (int)Math.Round(index * SlotSeconds * rate);
}

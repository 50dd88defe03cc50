namespace GenWorld.Core.Sequences;

/// <summary>
/// One note of a performance on the <see cref="NoteVocabulary.StepSeconds"/> grid: onset, length, GM instrument family
/// (0–15, program / 8) and MIDI pitch. This is what the prior models and what compose renders.
/// </summary>
/// <param name="OnsetStep">Onset in grid steps from the start.</param>
/// <param name="DurationSteps">Length in grid steps (one of <see cref="NoteVocabulary.DurationSteps"/> once tokenised).</param>
/// <param name="Family">GM family 0–15.</param>
/// <param name="Pitch">MIDI pitch within [<see cref="NoteVocabulary.PitchMin"/>, <see cref="NoteVocabulary.PitchMax"/>].</param>
public sealed record NoteEvent(long OnsetStep, int DurationSteps, int Family, int Pitch)
{
    /// <summary>Onset in seconds.</summary>
    public double OnsetSeconds => OnsetStep * NoteVocabulary.StepSeconds;

    /// <summary>Length in seconds.</summary>
    public double DurationSeconds => DurationSteps * NoteVocabulary.StepSeconds;
}

namespace GenWorld.Content.Sequences;

/// <summary>One sounding note read from a Standard MIDI File, in seconds (tempo map applied).</summary>
/// <param name="OnsetSeconds">Note-on time.</param>
/// <param name="DurationSeconds">Time until its note-off (or the end of the track).</param>
/// <param name="Channel">MIDI channel 0–15 (9 is the GM drum channel).</param>
/// <param name="Program">GM program active on the channel at the onset (0 when none was set).</param>
/// <param name="Pitch">MIDI key 0–127.</param>
/// <param name="Velocity">Note-on velocity 1–127.</param>
public sealed record MidiNote(double OnsetSeconds, double DurationSeconds, int Channel, int Program, int Pitch, int Velocity);

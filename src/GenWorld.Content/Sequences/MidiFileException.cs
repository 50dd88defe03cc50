namespace GenWorld.Content.Sequences;

/// <summary>A MIDI file that cannot be read; the message names the file and the problem.</summary>
public sealed class MidiFileException(string message) : Exception(message);

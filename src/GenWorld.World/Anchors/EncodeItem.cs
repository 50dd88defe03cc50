using GenWorld.Core.Audio;

namespace GenWorld.World.Anchors;

/// <summary>One clip to encode; the audio is loaded only when its batch runs, so a whole dataset never sits in memory.</summary>
/// <param name="Id">Dataset item id.</param>
/// <param name="Label">Label value (family / category).</param>
/// <param name="Pitch">MIDI pitch, or null.</param>
/// <param name="Load">Reads the clip (any rate, any channel count).</param>
public sealed record EncodeItem(string Id, string Label, int? Pitch, Func<AudioClip> Load);

using System.Numerics;

namespace GenWorld.World;

/// <summary>An anchor as hosts draw it.</summary>
/// <param name="Index">Anchor index (also the id of an emitter placed on it).</param>
/// <param name="Position">World position.</param>
/// <param name="Label">Label index.</param>
/// <param name="LabelName">Label name.</param>
/// <param name="Colour">Colour of its label.</param>
/// <param name="Pitch">MIDI pitch, or null.</param>
public readonly record struct FieldAnchor(int Index, Vector3 Position, int Label, string LabelName, WorldColour Colour, int? Pitch);

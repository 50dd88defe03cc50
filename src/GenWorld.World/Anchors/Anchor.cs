namespace GenWorld.World.Anchors;

/// <summary>One encoded dataset item: where the VAE put it, what it is, and (for pitched models) its MIDI pitch.</summary>
/// <param name="Index">Position in the anchor set; stable for a given anchors file.</param>
/// <param name="Id">The dataset item's id.</param>
/// <param name="Label">Index into the set's label names (family / category).</param>
/// <param name="Pitch">MIDI pitch, or null for unpitched data.</param>
public readonly record struct Anchor(int Index, string Id, int Label, int? Pitch);

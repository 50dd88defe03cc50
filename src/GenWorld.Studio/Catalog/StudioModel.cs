using GenWorld.Core.Models;

namespace GenWorld.Studio.Catalog;

/// <summary>A model the studio offers, as the page's model picker shows it.</summary>
/// <param name="Name">Folder name under the models root (the id the API and recipe codes use).</param>
/// <param name="Kind">What it makes.</param>
/// <param name="Version">Published version for a versioned folder (the user's own models), else null.</param>
/// <param name="LatentSize">Latent values per sound (texture: channels per grid cell).</param>
/// <param name="PitchMin">Lowest trained MIDI pitch, for pitch-conditioned models.</param>
/// <param name="PitchMax">Highest trained MIDI pitch.</param>
/// <param name="Labels">Class labels the model takes (empty when none).</param>
/// <param name="HasMap">Whether the folder has anchors (the map panel).</param>
public sealed record StudioModel(string Name, ModelKind Kind, int? Version, int LatentSize, int? PitchMin, int? PitchMax, IReadOnlyList<string> Labels, bool HasMap);

using System.Numerics;

namespace GenWorld.Rendering.Field;

/// <summary>A named part of the field (a family, a category, or a cluster found in the data), labelled over its centre and listed in the legend.</summary>
/// <param name="Centre">Where its label floats, in world space.</param>
/// <param name="Name">What it is called, e.g. "brass".</param>
/// <param name="Colour">The colour its points are drawn in (the legend's swatch, the label's text).</param>
public readonly record struct FieldRegion(Vector3 Centre, string Name, Rgba8 Colour);

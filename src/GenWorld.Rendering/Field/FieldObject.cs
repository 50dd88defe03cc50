using System.Numerics;

namespace GenWorld.Rendering.Field;

/// <summary>
/// A playing emitter's object: a slowly turning, lit, rounded block wearing its generated material, breathing with its
/// voice. Validated by <see cref="FieldRenderer.Render"/>.
/// </summary>
/// <param name="Id">Stable id of the object: its texture is cached under it, and its turn starts from an angle it picks.</param>
/// <param name="Position">Centre in world space.</param>
/// <param name="Size">Edge length in world units (&gt; 0) at rest.</param>
/// <param name="Tile">Its generated material, or null while it is being generated (drawn in the placeholder colour).</param>
/// <param name="Envelope">The voice's loudness now, 0..1: the object swells and brightens with it (audio-reactive).</param>
/// <param name="Opacity">0..1: follows the voice's fade in and out; at 0 nothing is drawn.</param>
public readonly record struct FieldObject(long Id, Vector3 Position, float Size, TileImage? Tile, float Envelope = 0f, float Opacity = 1f);

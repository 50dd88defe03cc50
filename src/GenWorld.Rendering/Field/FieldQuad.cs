using System.Numerics;

namespace GenWorld.Rendering.Field;

/// <summary>A nearby object drawn as a camera-facing textured square.</summary>
/// <param name="Id">Stable id of the object: its texture is cached under it across frames.</param>
/// <param name="Position">Centre in world space.</param>
/// <param name="Size">Edge length in world units (&gt; 0).</param>
/// <param name="Tile">Its generated texture, or null while it is being generated (drawn as a placeholder square).</param>
public readonly record struct FieldQuad(long Id, Vector3 Position, float Size, TileImage? Tile);

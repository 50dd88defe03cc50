using System.Numerics;

namespace GenWorld.Rendering.Field;

/// <summary>
/// A disc of ground around the visitor wearing the local material (the nearest sound's), cross-faded from the previous
/// one as the visitor moves. The texture is fixed to the ground (world-space coordinates), so it does not slide with the
/// visitor. Validated by <see cref="FieldRenderer.Render"/>.
/// </summary>
/// <param name="Centre">Centre of the disc on the ground (its y is ignored: the disc lies at the style's ground height).</param>
/// <param name="Radius">Radius in world units (&gt; 0); the edge fades out over its outer half.</param>
/// <param name="TileWorldSize">World units one repeat of the tile covers (&gt; 0).</param>
/// <param name="CurrentId">Cache id of <paramref name="Current"/> (distinct from the objects' ids).</param>
/// <param name="Current">The material arriving.</param>
/// <param name="PreviousId">Cache id of <paramref name="Previous"/>.</param>
/// <param name="Previous">The material leaving, or null when there is none.</param>
/// <param name="Blend">0..1: how far the cross-fade from previous to current has gone (1: current only).</param>
public readonly record struct GroundPatch(Vector3 Centre, float Radius, float TileWorldSize, long CurrentId, TileImage Current,
    long PreviousId = 0, TileImage? Previous = null, float Blend = 1f);

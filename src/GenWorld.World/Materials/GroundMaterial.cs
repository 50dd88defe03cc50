using System.Numerics;
using GenWorld.World.Emitters;

namespace GenWorld.World.Materials;

/// <summary>The material of the ground under the listener: the tile of the field point nearest them, from that point's sound.</summary>
/// <param name="AnchorIndex">The anchor whose sound the material comes from (a new one means a new material: hosts cross-fade).</param>
/// <param name="AnchorPosition">Where that anchor is.</param>
/// <param name="Texture">Its tile.</param>
public sealed record GroundMaterial(int AnchorIndex, Vector3 AnchorPosition, EmitterTexture Texture);

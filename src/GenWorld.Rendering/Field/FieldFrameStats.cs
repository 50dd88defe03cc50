namespace GenWorld.Rendering.Field;

/// <summary>What the last <see cref="FieldRenderer.Render"/> did, for the HUD and tests.</summary>
/// <param name="Points">Anchor points drawn.</param>
/// <param name="PointsUploaded">Whether the points differed from the previous frame's and were re-uploaded.</param>
/// <param name="Quads">Nearby objects drawn.</param>
/// <param name="TexturedQuads">Of those, how many showed a tile (the rest were placeholders).</param>
/// <param name="HudUploaded">Whether the HUD text changed and was re-rasterised.</param>
/// <param name="TexturesEvicted">Tile textures deleted at this frame for being idle.</param>
public readonly record struct FieldFrameStats(int Points, bool PointsUploaded, int Quads, int TexturedQuads, bool HudUploaded, int TexturesEvicted);

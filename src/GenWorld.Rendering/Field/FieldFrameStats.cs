namespace GenWorld.Rendering.Field;

/// <summary>What the last <see cref="FieldRenderer.Render"/> did, for the HUD and tests.</summary>
/// <param name="Points">Anchor points drawn.</param>
/// <param name="PointsUploaded">Whether the points differed from the previous frame's and were re-uploaded.</param>
/// <param name="Objects">Emitter objects handed in.</param>
/// <param name="TexturedObjects">Of those, how many wore their material (the rest were placeholders or faded out).</param>
/// <param name="HudUploaded">Whether the HUD text changed and was re-rasterised.</param>
/// <param name="TexturesEvicted">Tile textures deleted at this frame for being idle.</param>
/// <param name="LabelsDrawn">Region labels visible (not faded out, not behind the eye).</param>
public readonly record struct FieldFrameStats(int Points, bool PointsUploaded, int Objects, int TexturedObjects, bool HudUploaded, int TexturesEvicted, int LabelsDrawn = 0);

namespace GenWorld.World.Emitters;

/// <summary>A generated tileable texture for the object at an emitter, ready to upload (RGBA8, top row first).</summary>
/// <param name="Width">Pixels across.</param>
/// <param name="Height">Pixels down.</param>
/// <param name="Rgba">Width × Height × 4 bytes.</param>
public sealed record EmitterTexture(int Width, int Height, byte[] Rgba);

namespace GenWorld.Content.Textures;

/// <summary>One source image in a package.</summary>
/// <param name="Package">Debian package name.</param>
/// <param name="SourcePath">Path inside the package (for a file in an archive: <c>archive.pk3!entry</c>).</param>
/// <param name="Group">Material group label.</param>
/// <param name="Extension">Lower-case extension with dot.</param>
/// <param name="Tileable">True for pattern textures made to repeat (crops may wrap around the edges).</param>
/// <param name="PixelArt">True for low-resolution pixel art, upscaled with nearest neighbour instead of downscaled.</param>
/// <param name="Read">Reads the file's bytes.</param>
public sealed record TextureFile(string Package, string SourcePath, string Group, string Extension, bool Tileable, bool PixelArt, Func<byte[]> Read);

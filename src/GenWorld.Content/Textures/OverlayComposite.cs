using GenWorld.Content.Imaging;

namespace GenWorld.Content.Textures;

/// <summary>
/// Minetest draws ore nodes as a transparent mineral overlay on stone (<c>default_stone.png^default_mineral_coal.png</c>).
/// Compositing the two the same way turns the overlays, which the alpha filter would drop, into the opaque ore tiles players see.
/// </summary>
public static class OverlayComposite
{
    /// <summary>PNG bytes of <paramref name="overlay"/> drawn over <paramref name="baseImage"/> (both encoded images of the same size).</summary>
    public static byte[] Over(byte[] baseImage, byte[] overlay, string name)
    {
        var under = ImageDecoder.Decode(baseImage, ".png", name + " (base)");
        var over = ImageDecoder.Decode(overlay, ".png", name);
        if (under.Width != over.Width || under.Height != over.Height)
            throw new ImageDecodeException("overlay size mismatch", $"{name}: overlay {over.Width}x{over.Height} does not match base {under.Width}x{under.Height}");
        var pixels = new byte[under.Pixels.Length];
        for (var i = 0; i < pixels.Length; i += 4)
        {
            var a = over.Pixels[i + 3];
            for (var c = 0; c < 3; c++) pixels[i + c] = (byte)((over.Pixels[i + c] * a + under.Pixels[i + c] * (255 - a) + 127) / 255);
            pixels[i + 3] = under.Pixels[i + 3];
        }
        return PngWriter.Encode(new RgbaImage(under.Width, under.Height, pixels));
    }
}

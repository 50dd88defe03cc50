using GenWorld.Rendering.Resources;
using Silk.NET.OpenGL;

namespace GenWorld.Rendering.Tests;

/// <summary>
/// Mip levels made on the CPU (glGenerateMipmap waits for llvmpipe's raster on the frame thread): the box average
/// itself, and a mipmapped <see cref="GlTexture"/> holding exactly that chain in GL, refreshed by a same-size upload.
/// </summary>
[Collection(NativeGlCollection.Name)]
public sealed class MipChainTests
{
    [Fact]
    public void Each_level_is_the_rounded_2x2_average_of_the_one_above()
    {
        byte[] image = new byte[4 * 2 * 4];
        // Row 0: pixels (0, 10, 20, 30); row 1: (2, 12, 22, 33), every channel alike.
        byte[] values = [0, 10, 20, 30, 2, 12, 22, 33];
        for (int i = 0; i < values.Length; i++) image.AsSpan(i * 4, 4).Fill(values[i]);
        byte[] level = new byte[2 * 1 * 4];

        Assert.Equal((2, 1), MipChain.Halve(image, 4, 2, level));

        Assert.Equal(6, level[0]);   // (0 + 10 + 2 + 12 + 2) / 4 = 6.5 → 6
        Assert.Equal(26, level[4]);  // (20 + 30 + 22 + 33 + 2) / 4 = 26.75 → 26
    }

    [Theory]
    [InlineData(64, 64, 6)]
    [InlineData(256, 256, 8)]
    [InlineData(5, 3, 2)]
    [InlineData(1, 1, 0)]
    public void Levels_below_reach_one_pixel(int width, int height, int levels) =>
        Assert.Equal(levels, MipChain.LevelsBelow(width, height));

    [Fact]
    public void An_odd_side_repeats_its_edge_pixel()
    {
        byte[] image = new byte[3 * 1 * 4];
        image.AsSpan(4, 4).Fill(100);
        image.AsSpan(8, 4).Fill(200);
        byte[] level = new byte[4];

        Assert.Equal((1, 1), MipChain.Halve(image, 3, 1, level));
        Assert.Equal(50, level[0]); // the first pair; the third column belongs to no 2x2 block of a 1-wide level
    }

    [Fact]
    public void A_mipmapped_texture_holds_the_cpu_chain_and_a_same_size_upload_refreshes_it()
    {
        using var gl = new HeadlessGl(16, 16);
        using var texture = new GlTexture(gl.Device, mipmaps: true, repeat: true);
        byte[] first = Pattern(16, 16, seed: 1), second = Pattern(16, 16, seed: 2);

        texture.Upload(first, 16, 16);
        AssertChain(gl.Device.Gl, texture, first, 16, 16);
        texture.Upload(second, 16, 16);
        AssertChain(gl.Device.Gl, texture, second, 16, 16);
        Assert.Equal(GLEnum.NoError, gl.Device.Gl.GetError());
    }

    private static void AssertChain(GL gl, GlTexture texture, byte[] image, int width, int height)
    {
        byte[] level = image;
        (int w, int h) = (width, height);
        for (int k = 0; k <= MipChain.LevelsBelow(width, height); k++)
        {
            if (k > 0)
            {
                byte[] next = new byte[Math.Max(1, w / 2) * Math.Max(1, h / 2) * 4];
                (w, h) = MipChain.Halve(level, w, h, next);
                level = next;
            }
            Assert.Equal(level, ReadLevel(gl, texture, k, w, h));
        }
    }

    private static unsafe byte[] ReadLevel(GL gl, GlTexture texture, int level, int width, int height)
    {
        byte[] pixels = new byte[width * height * 4];
        gl.BindTexture(TextureTarget.Texture2D, texture.Handle);
        gl.PixelStore(PixelStoreParameter.PackAlignment, 1);
        fixed (byte* p = pixels) gl.GetTexImage(TextureTarget.Texture2D, level, PixelFormat.Rgba, PixelType.UnsignedByte, p);
        gl.BindTexture(TextureTarget.Texture2D, 0);
        return pixels;
    }

    private static byte[] Pattern(int width, int height, int seed)
    {
        var random = new Random(seed);
        byte[] pixels = new byte[width * height * 4];
        random.NextBytes(pixels);
        return pixels;
    }
}

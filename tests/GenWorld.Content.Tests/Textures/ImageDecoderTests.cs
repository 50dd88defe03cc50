using GenWorld.Content.Imaging;

namespace GenWorld.Content.Tests.Textures;

public sealed class ImageDecoderTests
{
    [Fact]
    public void PngRoundTripKeepsEveryPixel()
    {
        var image = TestImages.Noise(48, 1);
        var decoded = ImageDecoder.Decode(PngWriter.Encode(image), ".png", "noise.png");
        Assert.Equal(48, decoded.Width);
        Assert.Equal(image.Pixels, decoded.Pixels);
    }

    [Theory]
    [InlineData(SkiaSharp.SKEncodedImageFormat.Webp, ".webp")]
    [InlineData(SkiaSharp.SKEncodedImageFormat.Png, ".bmp")] // Skia encodes no BMP: a PNG named .bmp is read by content, as every codec does
    public void SkiaFormatsDecodeAndTruncatedOnesAreCorrupt(SkiaSharp.SKEncodedImageFormat format, string extension)
    {
        var image = TestImages.Noise(48, 4);
        using var bitmap = PngWriter.ToBitmap(image);
        using var data = bitmap.Encode(format, 100);
        var bytes = data.ToArray();
        var decoded = ImageDecoder.Decode(bytes, extension, "x" + extension);
        Assert.Equal((48, 48), (decoded.Width, decoded.Height));
        Assert.Equal(image.Pixels, decoded.Pixels); // lossless WebP at quality 100, and PNG
        var e = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(bytes[..(bytes.Length / 2)], extension, "cut" + extension));
        Assert.StartsWith("corrupt", e.Reason);
    }

    [Fact]
    public void TruncatedPngIsACorruptPngError()
    {
        var png = PngWriter.Encode(TestImages.Noise(64, 2));
        var e = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(png[..(png.Length / 3)], ".png", "cut.png"));
        Assert.Equal("corrupt png", e.Reason);
        Assert.Contains("cut.png", e.Message);
    }

    [Fact]
    public void RandomBytesNamedJpgAreACorruptJpgError()
    {
        var bytes = new byte[5000];
        new Random(3).NextBytes(bytes);
        var e = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(bytes, ".jpg", "noise.jpg"));
        Assert.Equal("corrupt jpg", e.Reason);
    }

    [Fact]
    public void EmptyAndUnsupportedFilesAreNamed()
    {
        Assert.Equal("empty file", Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode([], ".tga", "e.tga")).Reason);
        var e = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode([1, 2, 3], ".tif", "x.tif"));
        Assert.Equal("unsupported format", e.Reason);
        Assert.Contains(".tif", e.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void GimpPatternExpandsEachPixelLayoutToRgba(int bpp)
    {
        var src = new byte[3 * 2 * bpp];
        for (var i = 0; i < src.Length; i++) src[i] = (byte)(10 + i * 7);
        var image = ImageDecoder.Decode(TestImages.Pattern(3, 2, bpp, src), ".pat", "p.pat");
        Assert.Equal((3, 2), (image.Width, image.Height));
        var p = image.Pixels.AsSpan(4 * 4, 4).ToArray(); // pixel (1, 1): the 5th pixel
        var s = src.AsSpan(4 * bpp, bpp).ToArray();
        byte[] expected = bpp switch
        {
            1 => [s[0], s[0], s[0], 255],
            2 => [s[0], s[0], s[0], s[1]],
            3 => [s[0], s[1], s[2], 255],
            _ => s,
        };
        Assert.Equal(expected, p);
    }

    [Fact]
    public void GimpPatternWithBadMagicZeroHeaderOrShortDataIsRejected()
    {
        var pixels = new byte[8 * 8 * 3];
        var bad = Assert.Throws<ImageDecodeException>(() => GimpPattern.Decode(TestImages.Pattern(8, 8, 3, pixels, magic: "GIMP"), "m.pat"));
        Assert.Contains("bad magic 'GIMP'", bad.Message);
        var zero = Assert.Throws<ImageDecodeException>(() => GimpPattern.Decode(TestImages.Pattern(8, 8, 3, pixels, headerSize: 0), "z.pat"));
        Assert.Contains("header size 0", zero.Message);
        var full = TestImages.Pattern(8, 8, 3, pixels);
        Assert.Equal("truncated pat", Assert.Throws<ImageDecodeException>(() => GimpPattern.Decode(full[..^10], "t.pat")).Reason);
        Assert.Equal("unsupported pat", Assert.Throws<ImageDecodeException>(() => GimpPattern.Decode(TestImages.Pattern(8, 8, 5, pixels), "b.pat")).Reason);
        Assert.Equal("corrupt pat", Assert.Throws<ImageDecodeException>(() => GimpPattern.Decode(full[..10], "h.pat")).Reason);
    }

    [Theory]
    [InlineData(SkiaSharp.SKEncodedImageFormat.Png, ".png")]
    [InlineData(SkiaSharp.SKEncodedImageFormat.Jpeg, ".jpg")]
    public void EveryTruncationDecodesOrFailsWithAReason(SkiaSharp.SKEncodedImageFormat format, string ext)
    {
        using var bitmap = PngWriter.ToBitmap(TestImages.Noise(64, 14));
        using var data = bitmap.Encode(format, 90);
        var bytes = data.ToArray();
        Assert.Equal(64, ImageDecoder.Decode(bytes, ext, "whole").Width);
        var failures = 0;
        for (var cut = 1; cut < bytes.Length; cut += bytes.Length / 37)
        {
            try { Assert.Equal(64, ImageDecoder.Decode(bytes[..cut], ext, $"cut{cut}").Width); }
            catch (ImageDecodeException e)
            {
                Assert.StartsWith("corrupt", e.Reason, StringComparison.Ordinal);
                failures++;
            }
        }
        Assert.True(failures > 0, "some truncations must be reported as corrupt");
    }
}

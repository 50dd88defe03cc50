using GenWorld.Content.Imaging;
using GenWorld.Content.Textures;

namespace GenWorld.Content.Tests.Textures;

public sealed class TileFilterTests
{
    [Fact]
    public void ImageWithTransparencyIsRejected()
    {
        var image = TestImages.Noise(64, 4);
        for (var i = 0; i < 64 * 8; i++) image.Pixels[i * 4 + 3] = 0; // the top 8 rows transparent: 12.5 %
        Assert.Equal("alpha (transparent pixels)", TileFilter.RejectSource(image));
        Assert.Null(TileFilter.RejectSource(TestImages.Noise(64, 4)));
    }

    [Fact]
    public void FlatImageAndNearFlatCropAreRejected()
    {
        var flat = TestImages.FromLuma(64, 64, (x, y) => 120 + (x + y) % 3);
        Assert.True(flat.LumaStdDev() < 1);
        Assert.Equal("flat image (low variance)", TileFilter.RejectSource(flat));
        Assert.Equal("near-flat crop", new TileFilter().RejectTile(flat));
    }

    [Fact]
    public void RepeatedTileIsADuplicateButADifferentOneIsKept()
    {
        var filter = new TileFilter();
        var tile = TestImages.Noise(64, 5);
        Assert.Null(filter.RejectTile(tile));
        var brighter = new RgbaImage(64, 64, [.. tile.Pixels.Select((b, i) => i % 4 == 3 ? b : (byte)Math.Min(255, b + 3))]);
        Assert.Equal("duplicate crop", filter.RejectTile(brighter));
        Assert.Null(filter.RejectTile(TestImages.Noise(64, 6)));
    }

    [Fact]
    public void OreOverlayOnStoneIsOpaqueAndKeepsTheMineralPixels()
    {
        var stone = TestImages.Noise(16, 12);
        var overlay = TestImages.Noise(16, 13, alpha: 0);
        overlay.Pixels[3] = 255; // one fully opaque mineral pixel at (0, 0)
        Assert.Equal("alpha (transparent pixels)", TileFilter.RejectSource(overlay));
        var ore = ImageDecoder.Decode(OverlayComposite.Over(PngWriter.Encode(stone), PngWriter.Encode(overlay), "ore.png"), ".png", "ore.png");
        Assert.Null(TileFilter.RejectSource(ore));
        Assert.Equal(overlay.Pixels[..3], ore.Pixels[..3]);
        Assert.Equal(stone.Pixels[4..8], ore.Pixels[4..8]);
    }
}

using GenWorld.Content.Textures;

namespace GenWorld.Content.Tests.Textures;

public sealed class TileCropperTests
{
    [Fact]
    public void CropsStayInsideTheImageAndRepeatForASeed()
    {
        var a = TileCropper.Plan(300, 200, 64, [1, 2, 4], 5, wraps: false, seed: 42);
        Assert.Equal(10, a.Count); // 4:1 needs 256 px, more than the height: that scale is left out
        Assert.All(a, c => Assert.True(c.X >= 0 && c.Y >= 0 && c.X + c.SourceSize <= 300 && c.Y + c.SourceSize <= 200, c.Rect));
        Assert.Equal(a, TileCropper.Plan(300, 200, 64, [1, 2, 4], 5, wraps: false, seed: 42));
        Assert.NotEqual(a, TileCropper.Plan(300, 200, 64, [1, 2, 4], 5, wraps: false, seed: 43));
    }

    [Fact]
    public void DownscaleAveragesBlocksAndUpscaleRepeatsPixels()
    {
        // Checkerboard of single pixels: a 2:1 area average is mid-grey everywhere.
        var checker = TestImages.FromLuma(128, 128, (x, y) => (x + y) % 2 == 0 ? 0 : 254);
        var half = TileCropper.Cut(checker, new TileCrop(0, 0, 128, 64));
        Assert.All(Enumerable.Range(0, 64 * 64), i => Assert.Equal(127, half.Pixels[i * 4]));

        var art = TestImages.Noise(16, 7);
        var up = TileCropper.Cut(art, new TileCrop(3, 5, 16, 64)); // ×4 nearest, wrapping around the 16×16 source
        for (var y = 0; y < 64; y++)
            for (var x = 0; x < 64; x++)
                Assert.Equal(art.Pixels[(((5 + y / 4) % 16) * 16 + (3 + x / 4) % 16) * 4], up.Pixels[(y * 64 + x) * 4]);
    }

    [Fact]
    public void StableSeedSeparatesUnitsAndTileSizes()
    {
        Assert.Equal(TexturesSource.StableSeed("openarena-base_floor-clang_floor_jpg", 64), TexturesSource.StableSeed("openarena-base_floor-clang_floor_jpg", 64));
        Assert.NotEqual(TexturesSource.StableSeed("abc", 64), TexturesSource.StableSeed("abc", 128));
        Assert.NotEqual(TexturesSource.StableSeed("abc", 64), TexturesSource.StableSeed("abd", 64));
    }
}

using GenWorld.Content.Datasets;
using GenWorld.Content.Debian;
using GenWorld.Content.Imaging;
using GenWorld.Content.Textures;

namespace GenWorld.Content.Tests.Textures;

public sealed class TexturesBuildTests
{
    private static string FixtureDir => TestPaths.Fixture("textures");

    [Fact]
    public void FixtureTilesAreAValidDatasetOfOpaqueVariedTiles()
    {
        var dataset = Dataset.Open(FixtureDir);
        Assert.Equal("textures", dataset.Info.Kind);
        Assert.InRange(dataset.Items.Count, 24, 80);
        Assert.True(dataset.Info.Counts.Count >= 8, "at least 8 material groups");
        Assert.Equal(["gimp-data", "minetest-data", "openarena-081-textures"], dataset.Items.Select(i => i.SourcePackage).Distinct().Order(StringComparer.Ordinal));
        foreach (var item in dataset.Items)
        {
            var tile = ImageDecoder.DecodeFile(dataset.PathOf(item));
            Assert.Equal((64, 64), (tile.Width, tile.Height));
            Assert.Equal(0, tile.TransparentFraction());
            Assert.True(tile.LumaStdDev() >= TileFilter.MinTileStdDev, item.Id);
            Assert.Contains(item.Labels["group"], TextureGroups.All);
        }
    }

    [Fact]
    public async Task BuildFromPackagesMadeOfRealTilesWritesTheFormatAndCountsBadInput()
    {
        // Package folders laid out like gimp-data and minetest-data, filled with real fixture tiles plus broken files.
        var root = TestPaths.NewTempDir();
        var tiles = Dataset.Open(FixtureDir).Items.Take(6).Select(i => ImageDecoder.DecodeFile(Path.Combine(FixtureDir, i.File))).ToList();
        var patterns = Directory.CreateDirectory(Path.Combine(root, "gimp-data", "usr/share/gimp/2.0/patterns/Stone")).FullName;
        for (var k = 0; k < 3; k++)
            File.WriteAllBytes(Path.Combine(patterns, $"rock{k}.pat"), TestImages.Pattern(64, 64, 4, tiles[k].Pixels));
        File.WriteAllBytes(Path.Combine(patterns, "rockbad.pat"), TestImages.Pattern(64, 64, 4, tiles[0].Pixels, magic: "XPAT"));
        var mods = Directory.CreateDirectory(Path.Combine(root, "minetest-data", "usr/share/games/minetest/games/minetest_game/mods/default/textures")).FullName;
        for (var k = 3; k < 6; k++)
            PngWriter.Write(Path.Combine(mods, $"default_wood{k}.png"), TileCropper.Cut(tiles[k], new TileCrop(0, 0, 64, 16)));
        var alpha = TestImages.Noise(16, 9, alpha: 0);
        PngWriter.Write(Path.Combine(mods, "default_leaves_ghost.png"), alpha);
        File.WriteAllBytes(Path.Combine(mods, "default_dirt_cut.png"), PngWriter.Encode(TestImages.Noise(16, 10))[..40]);

        var dir = Path.Combine(root, "out");
        var options = new DatasetBuildOptions { OutputDirectory = dir, Size = DatasetSize.Full, MaxParallelism = 2 };
        await new DatasetBuilder(new FolderPackages(root)).BuildAsync(new TexturesSource(), options);

        var dataset = Dataset.Open(dir);
        Assert.Equal(["stone", "wood"], dataset.Info.Counts.Keys);
        Assert.All(dataset.Items, i => Assert.Equal(i.Width, int.Parse(i.Labels["tile"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains(dataset.Items, i => i.Width == 128);
        Assert.All(dataset.Items, i => Assert.Equal(i.Width, ImageDecoder.DecodeFile(dataset.PathOf(i)).Width));
        var skipped = dataset.Info.Report.Skipped;
        Assert.Equal(1, skipped["corrupt pat"]);
        Assert.Equal(1, skipped["corrupt png"]);
        Assert.Equal(1, skipped["alpha (transparent pixels)"]);
        Assert.True(File.Exists(Path.Combine(dir, "DATASET.md")));

        var sheet = Path.Combine(root, "sheet.png");
        var drawn = TileSheet.Write(dataset, sheet, 16);
        var png = ImageDecoder.DecodeFile(sheet);
        Assert.Equal(Math.Min(16, dataset.Items.Count), drawn);
        Assert.Equal(8 * 66, png.Width);
    }

    private sealed class FolderPackages(string root) : IPackageProvider
    {
        public DebianPackage Fetch(string name, CancellationToken ct = default) =>
            Directory.Exists(Path.Combine(root, name))
                ? new DebianPackage(name, "test", Path.Combine(root, name))
                : throw new PackageUnavailableException(name, "not in this test");
    }
}

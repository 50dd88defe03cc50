using System.Globalization;
using GenWorld.Content.Datasets;
using GenWorld.Content.Imaging;
using GenWorld.Content.Import;
using GenWorld.Core.Audio;

namespace GenWorld.Content.Tests.Import;

public sealed class ImageFolderImportTests
{
    private static readonly Dictionary<string, (int Width, int Height)> Sizes = new()
    {
        ["noise/grain.png"] = (256, 192), ["noise/speckle.jpg"] = (300, 300), ["noise/fine.png"] = (160, 160),
        ["stripes/bars.png"] = (256, 256), ["stripes/slant.png"] = (200, 300), ["stripes/wide.jpg"] = (320, 240), ["middle.png"] = (100, 100),
    };

    private static Task<ImportResult> ImportAsync(string source, string name = "pics", ImportKind? kind = null) =>
        FolderImporter.ImportAsync(
            new ImportSettings { SourceDirectory = source, Name = name, Licence = "CC0-1.0", Attribution = "drawn by the test", Kind = kind },
            new DatasetBuildOptions { OutputDirectory = Path.Combine(TestPaths.NewTempDir(), "imported", name) });

    [Fact]
    public async Task AFolderOfImagesBecomesATexturesDatasetLikeTheBuiltOne()
    {
        var source = ImageFolder.Make();
        var before = ImageFolder.Snapshot(source);
        var result = await ImportAsync(source);
        Assert.Equal("", result.Error);
        Assert.Equal("textures", result.Report.Kind);
        var dataset = Dataset.Open(result.Dataset!.Directory); // the checksum and every file are checked again here
        Assert.Equal("textures", dataset.Info.Kind);
        Assert.Equal("group", dataset.Info.PrimaryLabel);
        Assert.Equal(["bars", "noise", "stripes", "unsorted"], dataset.Info.Counts.Keys);
        Assert.Equal("64,128", dataset.Info.Parameters["tiles"]);

        foreach (var item in dataset.Items)
        {
            var tile = int.Parse(item.Labels["tile"], CultureInfo.InvariantCulture);
            Assert.Equal("textures", item.Kind);
            Assert.Equal($"tiles/{tile}/{item.Id}.png", item.File);
            Assert.Equal((tile, tile), (item.Width, item.Height));
            Assert.Equal("CC0-1.0", item.Licence);
            Assert.Equal("pics", item.SourcePackage);
            var png = ImageDecoder.DecodeFile(dataset.PathOf(item));
            Assert.Equal((tile, tile), (png.Width, png.Height));
            // The crop lies inside its image at one of the scales 1:1, 2:1, 4:1.
            var crop = item.Labels["crop"].Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var (width, height) = Sizes[item.SourcePath];
            Assert.Contains(crop[2] / tile, new[] { 1, 2, 4 });
            Assert.Equal(crop[2], crop[3]);
            Assert.Equal(((double)tile / crop[2]).ToString("0.###", CultureInfo.InvariantCulture), item.Labels["scale"]);
            Assert.InRange(crop[0] + crop[2], crop[2], width);
            Assert.InRange(crop[1] + crop[3], crop[3], height);
        }
        var bySource = dataset.Items.GroupBy(i => i.SourcePath).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(Sizes.Keys.Order(StringComparer.Ordinal), bySource.Keys.Order(StringComparer.Ordinal));
        Assert.All(bySource["noise/grain.png"], i => Assert.Equal("noise", i.Labels["group"]));
        Assert.Equal(["128", "64"], bySource["noise/fine.png"].Select(i => i.Labels["tile"]).Distinct().Order(StringComparer.Ordinal));
        Assert.All(bySource["middle.png"], i => Assert.Equal(("unsorted", "64"), (i.Labels["group"], i.Labels["tile"])));
        Assert.All(bySource["stripes/wide.jpg"], i => Assert.Equal(("bars", "bold"), (i.Labels["group"], i.Labels["mood"]))); // labels.csv
        // Noise never repeats: every crop planned is kept, 8 per tile size that fits.
        Assert.Equal(16, bySource["noise/speckle.jpg"].Count);

        // Each bad entry is one line with its reason; none aborted the import.
        var lines = result.Report.Lines.ToDictionary(l => l.File);
        Assert.Equal(("skipped", true), (lines["bad/truncated.png"].Outcome, lines["bad/truncated.png"].Reason.Contains("png", StringComparison.Ordinal)));
        Assert.Contains("empty", lines["bad/empty.jpg"].Reason);
        Assert.Contains("not a readable png", lines["bad/notes.png"].Reason);
        Assert.Contains("20000×20000", lines["bad/huge.png"].Reason);
        Assert.Contains("not decoded", lines["bad/huge.png"].Reason);
        Assert.Contains("smaller than the 64 px tile", lines["small/tiny.png"].Reason);
        Assert.Contains("no 128 px tiles", lines["middle.png"].Reason);
        Assert.Equal("imported", lines["middle.png"].Outcome);
        Assert.Equal("ignored", lines["bad/readme.txt"].Outcome);
        Assert.Contains("not an image", lines["bad/readme.txt"].Reason);
        Assert.Contains("loop", lines["bad/loop"].Reason);
        Assert.Equal("duplicate", lines["stripes/grain-copy.png"].Outcome);
        Assert.Contains("noise/grain.png", lines["stripes/grain-copy.png"].Reason);
        Assert.Equal(dataset.Items.Count, result.Report.Lines.Sum(l => l.Clips));
        Assert.True(File.Exists(Path.Combine(dataset.Directory, ImportReportData.FileName)));
        Assert.Contains("CC0-1.0", File.ReadAllText(Path.Combine(dataset.Directory, "licences", "pics.copyright")));

        // The same folder and settings give the same dataset, and the folder of originals is untouched.
        var again = await ImportAsync(source);
        Assert.Equal(dataset.Info.Version, again.Dataset!.Info.Version);
        Assert.Equal(before, ImageFolder.Snapshot(source));
    }

    [Fact]
    public async Task AMixedFolderImportsTheLargerKindUnlessToldAndNamesWhatItLeftOut()
    {
        var source = TestPaths.NewTempDir();
        Directory.CreateDirectory(Path.Combine(source, "walls"));
        ImageFolder.Save(ImageFolder.Noise(128, 128, 7), source, "walls/a.png");
        ImageFolder.Save(ImageFolder.Stripes(128, 128, 9, 0), source, "walls/b.png");
        var sine = Enumerable.Range(0, 24000).Select(n => (float)(0.5 * Math.Sin(2 * Math.PI * 440 * n / 48000))).ToArray();
        WavFile.Write(Path.Combine(source, "beep.wav"), new AudioClip(sine, 1, 48000));

        var textures = await ImportAsync(source, "mixed");
        Assert.Equal("textures", textures.Dataset!.Info.Kind);
        Assert.Contains("1 audio file left out (--kind sounds imports it)", textures.Report.KindNote);
        Assert.Contains("--kind sounds", textures.Report.Lines.Single(l => l.File == "beep.wav").Reason);

        var sounds = await ImportAsync(source, "mixed", ImportKind.Sounds);
        Assert.Equal("sfx", sounds.Dataset!.Info.Kind);
        Assert.Equal(["beep.wav"], sounds.Dataset.Items.Select(i => i.SourcePath).Distinct());
        Assert.Contains("2 images left out (--kind textures imports them)", sounds.Report.KindNote);
        Assert.Equal("ignored", sounds.Report.Lines.Single(l => l.File == "walls/a.png").Outcome);
    }

    [Theory]
    [InlineData("64,abc", "--tiles")]
    [InlineData("24", "--tiles")]
    [InlineData("64,64", "--tiles")]
    public void BadTileSizesNameTheOption(string tiles, string option)
    {
        var e = Assert.Throws<ArgumentException>(() => new TileSettings { Sizes = TileSettings.ParseSizes(tiles) }.Validate());
        Assert.StartsWith(option, e.Message);
    }
}

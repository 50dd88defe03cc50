using GenWorld.Content.Datasets;
using GenWorld.Content.Import;
using GenWorld.Core.Audio;

namespace GenWorld.Content.Tests.Import;

public sealed class FolderImportTests
{
    private static async Task<(string Source, string Before, ImportResult Result)> ImportAsync(string name = "mine")
    {
        var source = SoundFolder.Make();
        var before = SoundFolder.Snapshot(source);
        var settings = new ImportSettings { SourceDirectory = source, Name = name, Licence = "CC0-1.0", Attribution = "made by the test" };
        var options = new DatasetBuildOptions { OutputDirectory = Path.Combine(TestPaths.NewTempDir(), "imported", name), SampleRate = 48000 };
        return (source, before, await FolderImporter.ImportAsync(settings, options));
    }

    [Fact]
    public async Task EveryFormatIsImportedAndEveryBadFileIsNamedInTheReport()
    {
        var (source, before, result) = await ImportAsync();
        Assert.Equal("", result.Error);
        var dataset = Dataset.Open(result.Dataset!.Directory); // the checksum and every file are checked again here
        var bySource = dataset.Items.GroupBy(i => i.SourcePath).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var file in new[] { "drums/kick.wav", "drums/hat.wav", "drums/snare.ogg", "tones/pluck24.wav", "tones/square64.wav",
                     "tones/surround.wav", "tones/chime.mp3", "tones/bell.flac", "top-level.wav" })
            Assert.True(bySource.ContainsKey(file), $"{file} was not imported; report: {string.Join("; ", result.Report.Lines)}");
        Assert.All(dataset.Items, i => Assert.Equal(48000, i.SampleRate));
        foreach (var item in dataset.Items)
        {
            var clip = WavFile.Read(dataset.PathOf(item));
            Assert.Equal(1, clip.Channels);
            Assert.Equal(48000, clip.SampleRate);
            Assert.InRange(clip.Seconds, 0.05, 2.049);
        }

        // Labels: the first subfolder, "unsorted" at the top, labels.csv overriding.
        Assert.Equal("drums", bySource["drums/snare.ogg"][0].Labels["category"]);
        Assert.Equal("unsorted", bySource["top-level.wav"][0].Labels["category"]);
        Assert.Equal("bells", bySource["tones/chime.mp3"][0].Labels["category"]);
        Assert.Equal("calm", bySource["tones/chime.mp3"][0].Labels["mood"]);
        Assert.Equal("limited", bySource["tones/bell.flac"][0].Labels[BandwidthLabels.Band]); // a 22 kHz source stays marked

        // Each bad entry is one line with its reason; none aborted the import.
        var lines = result.Report.Lines.ToDictionary(l => l.File);
        Assert.Equal("skipped", lines["bad/truncated.ogg"].Outcome);
        Assert.Contains("empty", lines["bad/empty.wav"].Reason);
        Assert.Contains("not a readable WAV", lines["bad/notes.wav"].Reason);
        Assert.Equal("ignored", lines["bad/readme.txt"].Outcome);
        Assert.Contains("loop", lines["bad/loop/again"].Reason);
        Assert.Equal("duplicate", lines["tones/kick-copy.wav"].Outcome);
        Assert.Contains("drums/kick.wav", lines["tones/kick-copy.wav"].Reason);
        Assert.DoesNotContain("tones/kick-copy.wav", bySource.Keys);
        Assert.Equal(1, dataset.Info.Report.Skipped["near-duplicate"]);
        Assert.True(File.Exists(Path.Combine(dataset.Directory, ImportReportData.FileName)));

        // The card and licence file carry what the user said; the folder of originals is untouched.
        Assert.Contains("CC0-1.0", File.ReadAllText(Path.Combine(dataset.Directory, "licences", "mine.copyright")));
        Assert.Contains("made by the test", File.ReadAllText(Path.Combine(dataset.Directory, "licences", "mine.copyright")));
        Assert.All(dataset.Items, i => Assert.Equal("CC0-1.0", i.Licence));
        Assert.Equal(before, SoundFolder.Snapshot(source));
    }

    [Fact]
    public async Task ALongRecordingIsSlicedIntoItsHits()
    {
        var (_, _, result) = await ImportAsync("slices");
        var hits = result.Dataset!.Items.Where(i => i.SourcePath == "long/hits.wav").OrderBy(i => i.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(SoundFolder.HitStarts.Length, hits.Count);
        for (var h = 0; h < hits.Count; h++)
        {
            var offset = double.Parse(hits[h].Labels["offsetSeconds"], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(offset, SoundFolder.HitStarts[h] - 0.02, SoundFolder.HitStarts[h] + 0.02);
            Assert.InRange(hits[h].DurationSeconds!.Value, 0.2, 0.6); // the hit, not the silence after it
        }
        var line = result.Report.Lines.Single(l => l.File == "long/hits.wav");
        Assert.Equal(SoundFolder.HitStarts.Length, line.Clips);
        Assert.InRange(line.Seconds, 8.99, 9.01);
    }

    [Fact]
    public async Task AFolderWithNothingUsableGivesAClearErrorAndNoDataset()
    {
        var source = TestPaths.NewTempDir();
        File.WriteAllText(Path.Combine(source, "a.wav"), "text");
        var settings = new ImportSettings { SourceDirectory = source, Name = "none" };
        var result = await FolderImporter.ImportAsync(settings, new DatasetBuildOptions { OutputDirectory = Path.Combine(source + "-out", "none"), SampleRate = 48000 });
        Assert.Null(result.Dataset);
        Assert.Contains("no items", result.Error);
        Assert.Equal("skipped", result.Report.Lines.Single().Outcome);
    }

    [Theory]
    [InlineData("bad name", "x", "--name")]
    [InlineData("ok", "not spdx!", "--licence")]
    public void BadSettingsNameTheOption(string name, string licence, string option)
    {
        var settings = new ImportSettings { SourceDirectory = TestPaths.NewTempDir(), Name = name, Licence = licence };
        Assert.StartsWith(option, Assert.Throws<ArgumentException>(settings.Validate).Message);
    }
}

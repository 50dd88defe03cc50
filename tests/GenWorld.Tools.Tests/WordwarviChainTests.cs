using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Numerics;
using System.Text.Json;
using GenWorld.Cli.Commands;
using GenWorld.Content.Datasets;
using GenWorld.Content.Import;
using GenWorld.Core.Audio;
using GenWorld.Host.Headless;
using GenWorld.Service.Publishing;
using GenWorld.Service.Recipes;
using GenWorld.World;
using GenWorld.World.Anchors;
using GenWorld.World.Cameras;
using GenWorld.World.Emitters;
using Xunit.Abstractions;

namespace GenWorld.Tools.Tests;

/// <summary>
/// "Your own sounds" end to end on a real third-party corpus, Debian's wordwarvi-sound (61 OGG files, CC-BY-SA-3.0 by
/// Stephen M. Cameron; see <see cref="WordwarviCorpus"/>): dataset import → field map with the shipped sfx-vae → a
/// headless render of an orbit that plays the originals → a short fine-tune from models/sfx-vae → the running field
/// hot-swaps to the published version → variations of one of the OGG files. The verbs run in-process through their real
/// command lines; render and publish through the entry points `render` and `genworld serve` use. The figures it prints
/// are the README's (section "Your own sounds").
/// </summary>
[Collection("Native")]
public sealed class WordwarviChainTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>
    /// Fine-tuning steps: enough for the held-out distance to fall below the base model's on this corpus, short enough
    /// for CI. The real run (README: early stop at step 1,000 after 3.6 min here) goes from 1.811 to 1.542.
    /// </summary>
    private const int FineTuneSteps = 100;

    private readonly string _dir = Directory.CreateTempSubdirectory("genworld-wordwarvi-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Wordwarvi_sounds_import_map_render_fine_tune_hot_swap_and_vary()
    {
        string library = Path.Combine(_dir, "wordwarvi"), data = Path.Combine(_dir, "data"), field = Path.Combine(_dir, "field");
        string model = Path.Combine(RepoPath.Models, "sfx-vae");
        IReadOnlyDictionary<string, int> sorted = WordwarviCorpus.SortInto(library); // fails with the install line when the package is missing
        string[] package = WordwarviCorpus.Sha256Listing(WordwarviCorpus.Folder);
        string[] before = WordwarviCorpus.Sha256Listing(library);
        int files = sorted.Values.Sum();

        // Import: every file, labels from the folders, many clips (the music is cut into one-shots), the folder untouched.
        var clock = Stopwatch.StartNew();
        Assert.Equal(0, await Run(["dataset", "import", library, "--name", "wordwarvi", "--licence", WordwarviCorpus.Licence,
            "--attribution", WordwarviCorpus.Attribution, "--data-root", data]));
        double importSeconds = clock.Elapsed.TotalSeconds;
        string datasetDir = Path.Combine(data, "imported", "wordwarvi");
        var dataset = Dataset.Open(datasetDir);
        using (JsonDocument report = JsonDocument.Parse(File.ReadAllText(Path.Combine(datasetDir, ImportReportData.FileName))))
        {
            JsonElement r = report.RootElement;
            Assert.Equal(files, r.GetProperty("files").GetInt32());
            Assert.Equal(files, r.GetProperty("imported").GetInt32());
            Assert.Equal(0, r.GetProperty("skipped").GetInt32());
            Assert.Equal(dataset.Info.ItemCount, r.GetProperty("clips").GetInt32());
            output.WriteLine($"import: {files} files, {r.GetProperty("audioSeconds").GetDouble():F1} s of audio -> {dataset.Info.ItemCount} clips " +
                $"in {r.GetProperty("seconds").GetDouble():F1} s (verb {importSeconds:F1} s)");
        }
        Assert.Equal(sorted.Keys, dataset.Info.Counts.Keys);
        Assert.True(dataset.Info.ItemCount > 100, $"{dataset.Info.ItemCount} clips");
        Assert.Equal(before, WordwarviCorpus.Sha256Listing(library));

        // Field map of the imported dataset (by name: no second import) into a field folder of its own.
        clock.Restart();
        Assert.Equal(0, await Run(["field", "map", "wordwarvi", "--model", model, "--out", field, "--data-root", data]));
        output.WriteLine($"field map: {clock.Elapsed.TotalSeconds:F1} s");
        AnchorSet anchors = FieldFolder.LoadAnchors(field);
        IReadOnlyDictionary<string, string> originals = FieldFolder.Originals(field);
        Assert.Equal(dataset.Info.ItemCount, anchors.Count);
        Assert.Equal(sorted.Keys, anchors.Header.LabelNames);
        Assert.Equal(Path.GetFullPath(model), FieldFolder.Resolve(field).Model);
        Assert.Equal(anchors.Count, originals.Count);
        Assert.All(originals.Values, clip => Assert.True(File.Exists(clip) && clip.StartsWith(datasetDir, StringComparison.Ordinal), clip));

        // A short orbit, rendered as `render --model FIELD --orbit` does: audible most of the time, and the originals served.
        clock.Restart();
        HeadlessRender.Result render = HeadlessRender.Run(new RenderSettings
        {
            Model = field, Seconds = 20, Fps = 5, Width = 160, Height = 90, OutDir = Path.Combine(_dir, "render"), Mp4 = false,
        }, _ => { });
        double quiet = QuietShare(WavFile.Read(render.Wav));
        output.WriteLine($"render: {render.Frames} frames in {clock.Elapsed.TotalSeconds:F1} s, {quiet:P0} of its half-seconds below -50 dBFS, " +
            $"{render.Stats.OriginalsServed} originals served");
        Assert.True(quiet <= 0.5, $"{quiet:P0} of the half-seconds are below -50 dBFS");
        Assert.True(render.Stats.OriginalsServed > 0, "no original recording was served to an emitter");

        // Fine-tune from the shipped model: the held-out distance falls below the base model's on this corpus.
        string run = Path.Combine(_dir, "run");
        clock.Restart();
        Assert.Equal(0, await Run(["train", "sound-vae", "--dataset", datasetDir, "--base-model", model, "--harmonics", "0", "--noise-bands", "128",
            "--steps", $"{FineTuneSteps}", "--evaluate-every", "100", "--nice", "0", "--out", run]));
        string checkpoint;
        using (JsonDocument report = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "report.json"))))
        {
            double start = report.RootElement.GetProperty("heldOutLossAtStart").GetDouble();
            double end = report.RootElement.GetProperty("metrics").GetProperty("heldOutSpectralLoss").GetDouble();
            output.WriteLine($"fine-tune: {FineTuneSteps} steps in {clock.Elapsed.TotalSeconds:F1} s; held-out MR-STFT distance {start:F3} (base) -> {end:F3}");
            Assert.True(end < start, $"held-out distance {start:F3} (base model) -> {end:F3} after {FineTuneSteps} steps");
            checkpoint = report.RootElement.GetProperty("checkpoint").GetString()!;
        }

        // Hot swap: the walking field follows the published model root, as `render|explore --follow` and the service do.
        string published = await HotSwap(field, originals, checkpoint, run);

        // Variations of one of the package's OGG files with the fine-tuned model: three distinct, sounding clips + recipes.
        string variations = Path.Combine(_dir, "variations");
        Assert.Equal(0, await Run(["generate", "variations", Path.Combine(WordwarviCorpus.Folder, "big_explosion.ogg"), "--model", published,
            "--count", "3", "--out", variations]));
        float[][] clips = [.. Enumerable.Range(0, 4).Select(i => WavFile.Read(Path.Combine(variations, $"variation-{i:D2}.wav")).Samples)];
        for (int i = 1; i <= 3; i++)
        {
            Assert.True(File.Exists(Path.Combine(variations, $"variation-{i:D2}.json")));
            Assert.True(Peak(clips[i]) > 0.01f, $"variation {i} is silent (peak {Peak(clips[i])})");
            for (int j = 0; j < i; j++) Assert.NotEqual(clips[j], clips[i]);
        }
        Assert.Equal(package, WordwarviCorpus.Sha256Listing(WordwarviCorpus.Folder));
    }

    /// <summary>
    /// Opens the field, checks that its emitters play the original clips, publishes the fine-tuned checkpoint the way the
    /// service does, and waits for the world to swap it in and give every emitter a new, sounding sound from it.
    /// </summary>
    private async Task<string> HotSwap(string field, IReadOnlyDictionary<string, string> originals, string checkpoint, string run)
    {
        var log = new ConcurrentQueue<string>();
        using LatentWorld world = LatentWorld.Open(field, new LatentWorldOptions { Log = log.Enqueue });
        Vector3 site = world.Anchors[0].Position;
        Pose pose = Pose.LookAt(site, site + Vector3.UnitZ);
        world.Update(0, pose);
        await world.WhenContentReady();
        double t = 0.1;
        world.Update(t, pose);
        Assert.NotEmpty(world.Emitters);
        foreach (Emitter e in world.Emitters)
            Assert.Equal(WavFile.Read(originals[world.AnchorSet.Anchors[e.Id].Id]).Samples, e.Samples);
        Dictionary<int, float[]> before = world.Emitters.ToDictionary(e => e.Id, e => e.Samples!);
        string version = world.SoundModelVersion;

        string root = Path.Combine(_dir, "models");
        var clock = Stopwatch.StartNew();
        PublishedVersion published;
        using (world.FollowPublishedVersions(Path.Combine(root, "sfx-vae")))
        {
            published = new ModelPublisher(root).Publish("sfx-vae", checkpoint, "wordwarvi-chain", new SynthVaeRecipe(), run);
            for (int i = 0; i < 1200 && world.SoundModelSwaps == 0; i++) await Task.Delay(50);
        }
        Assert.True(world.SoundModelSwaps == 1, string.Join('\n', log));
        Assert.NotEqual(version, world.SoundModelVersion);
        int changed = 0;
        for (int frame = 0; frame < 2000 && changed < before.Count; frame++)
        {
            world.Update(t += 1 / 30.0, pose);
            changed = world.Emitters.Count(e => before.TryGetValue(e.Id, out float[]? old) && !ReferenceEquals(old, e.Samples));
            await Task.Delay(10);
        }
        output.WriteLine($"hot swap: {world.SoundModelVersion} in {clock.Elapsed.TotalSeconds:F1} s, {changed} of {before.Count} emitters re-voiced");
        Assert.Equal(before.Count, changed);
        Assert.All(world.Emitters, e => Assert.True(Peak(e.Samples!) > 0.01f, $"emitter {e.Id} is silent after the swap"));
        return published.Path;
    }

    /// <summary>Share of the mix's half-seconds whose RMS (both channels) is below −50 dBFS.</summary>
    private static double QuietShare(AudioClip mix)
    {
        int window = mix.SampleRate / 2 * mix.Channels, windows = mix.Samples.Length / window, quiet = 0;
        for (int w = 0; w < windows; w++)
        {
            double sum = 0;
            for (int i = w * window; i < (w + 1) * window; i++) sum += mix.Samples[i] * (double)mix.Samples[i];
            if (10 * Math.Log10((sum / window) + 1e-20) < -50) quiet++;
        }
        return windows == 0 ? 1 : quiet / (double)windows;
    }

    private static float Peak(float[] samples) => samples.Length == 0 ? 0 : samples.Max(Math.Abs);

    private static Task<int> Run(string[] args) =>
        new RootCommand
        {
            DatasetCommand.Create(), new Command("field") { FieldMapCommand.Create() }, TrainCommand.Create(), GenerateCommand.Create(),
        }.Parse(args).InvokeAsync();
}

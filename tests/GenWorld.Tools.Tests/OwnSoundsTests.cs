using System.CommandLine;
using System.Diagnostics;
using GenWorld.Cli.Commands;
using GenWorld.Content.Datasets;
using GenWorld.Core.Audio;
using GenWorld.World.Anchors;

namespace GenWorld.Tools.Tests;

/// <summary>
/// "Your own sounds" end to end, in-process, on a folder made here with sox and ffmpeg: dataset import → dataset info →
/// field encode into a field folder of its own (the model folder untouched) → variations of one of the files.
/// </summary>
[Collection("Native")]
public sealed class OwnSoundsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("genworld-own-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task An_imported_folder_is_a_dataset_every_verb_takes_and_a_field_of_its_own()
    {
        string library = MakeLibrary(), data = Path.Combine(_dir, "data"), model = Path.Combine(RepoRoot(), "models", "sfx-vae");
        string[] modelFiles = [.. Directory.GetFiles(model).Order(StringComparer.Ordinal).Select(f => $"{f}:{new FileInfo(f).Length}:{File.GetLastWriteTimeUtc(f).Ticks}")];

        Assert.Equal(0, await Run(["dataset", "import", library, "--name", "mine", "--licence", "CC0-1.0", "--data-root", data]));
        string datasetDir = Path.Combine(data, "imported", "mine");
        var dataset = Dataset.Open(datasetDir);
        Assert.Equal(["booms", "zaps"], dataset.Info.Counts.Keys);
        Assert.Equal(6, dataset.Info.ItemCount);
        Assert.Equal(0, await Run(["dataset", "info", datasetDir]));

        string field = Path.Combine(_dir, "field");
        Assert.Equal(0, await Run(["field", "encode", "--model", model, "--dataset", datasetDir, "--out", field]));
        AnchorSet anchors = FieldFolder.LoadAnchors(field);
        Assert.Equal(6, anchors.Count);
        Assert.Equal(["booms", "zaps"], anchors.Header.LabelNames);
        Assert.Equal(Path.GetFullPath(model), FieldFolder.Resolve(field).Model);
        // Refused: writing a user's field over a model folder's anchors.
        Assert.Equal(2, await Run(["field", "encode", "--model", model, "--dataset", datasetDir, "--out", model]));
        Assert.Equal(modelFiles, Directory.GetFiles(model).Order(StringComparer.Ordinal).Select(f => $"{f}:{new FileInfo(f).Length}:{File.GetLastWriteTimeUtc(f).Ticks}"));
    }

    [Fact]
    public async Task Field_map_turns_a_folder_into_a_field_that_plays_the_original_clips_at_their_anchors()
    {
        string library = MakeLibrary(), data = Path.Combine(_dir, "data"), field = Path.Combine(_dir, "my-field");
        string model = Path.Combine(RepoPath.Models, "sfx-vae");
        string[] before = [.. Directory.GetFiles(library, "*", SearchOption.AllDirectories).Select(f => $"{f}:{new FileInfo(f).Length}").Order(StringComparer.Ordinal)];
        Assert.Equal(0, await Run(["field", "map", library, "--model", model, "--out", field, "--data-root", data]));
        Assert.Equal(before, Directory.GetFiles(library, "*", SearchOption.AllDirectories).Select(f => $"{f}:{new FileInfo(f).Length}").Order(StringComparer.Ordinal));
        Assert.True(File.Exists(Path.Combine(data, "imported", "library", DatasetInfo.FileName)));
        // A dataset given by name is mapped without importing again.
        Assert.Equal(0, await Run(["field", "map", "library", "--model", model, "--out", Path.Combine(_dir, "again"), "--data-root", data]));
        Assert.Equal(2, await Run(["field", "map", Path.Combine(_dir, "nothing-here"), "--model", model, "--out", field]));

        using var world = GenWorld.World.LatentWorld.Open(field);
        Assert.Equal(6, world.Anchors.Count);
        IReadOnlyDictionary<string, string> originals = FieldFolder.Originals(field);
        var site = world.Anchors[0].Position;
        world.Update(0, GenWorld.World.Cameras.Pose.LookAt(site, site + System.Numerics.Vector3.UnitZ));
        await world.WhenContentReady();
        world.Update(0.1, GenWorld.World.Cameras.Pose.LookAt(site, site + System.Numerics.Vector3.UnitZ));
        Assert.NotEmpty(world.Emitters);
        foreach (var emitter in world.Emitters)
        {
            // The emitter on an anchor plays that anchor's clip of the imported dataset, sample for sample (48 kHz both).
            AudioClip original = WavFile.Read(originals[world.AnchorSet.Anchors[emitter.Id].Id]);
            Assert.True(original.SampleRate == 48000, $"{original.SampleRate} Hz, {original.Channels} ch");
            Assert.Equal(original.Samples, emitter.Samples);
        }
    }

    [Fact]
    public async Task Variations_of_an_ogg_file_are_written_with_a_contact_sheet_and_repeat_for_a_seed()
    {
        string library = MakeLibrary(), model = Path.Combine(RepoRoot(), "models", "sfx-vae");
        string a = Path.Combine(_dir, "va"), b = Path.Combine(_dir, "vb");
        string source = Path.Combine(library, "zaps", "zap1.ogg");
        Assert.Equal(0, await Run(["generate", "variations", source, "--model", model, "--count", "3", "--amount", "0.8", "--out", a]));
        Assert.Equal(0, await Run(["generate", "variations", source, "--model", model, "--count", "3", "--amount", "0.8", "--out", b]));
        Assert.True(File.Exists(Path.Combine(a, "contact-sheet.png")));
        var clips = Enumerable.Range(0, 4).Select(i => WavFile.Read(Path.Combine(a, $"variation-{i:D2}.wav")).Samples).ToList();
        for (int i = 1; i < 4; i++)
        {
            Assert.NotEqual(clips[0], clips[i]); // moved away from the reconstruction
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, $"variation-{i:D2}.wav")), File.ReadAllBytes(Path.Combine(b, $"variation-{i:D2}.wav")));
        }
        Assert.Equal(1, await Run(["generate", "variations", Path.Combine(library, "bad.wav"), "--model", model]));
    }

    /// <summary>Three booms and three zaps (sox; the zaps as OGG through ffmpeg) and a text file named .wav.</summary>
    private string MakeLibrary()
    {
        string library = Path.Combine(_dir, "library");
        Directory.CreateDirectory(Path.Combine(library, "booms"));
        Directory.CreateDirectory(Path.Combine(library, "zaps"));
        for (int i = 1; i <= 3; i++)
        {
            Tool("sox", library, "-n", "-r", "48000", $"booms/boom{i}.wav", "synth", $"0.{4 + i}", "brownnoise", "lowpass", $"{200 * i}", "fade", "0", $"0.{4 + i}", $"0.{3 + i}");
            Tool("sox", library, "-n", "-r", "44100", $"zap{i}.wav", "synth", "0.3", "square", $"{2000 * i}:{300 * i}", "fade", "0", "0.3", "0.2");
            Tool("ffmpeg", library, "-v", "error", "-y", "-i", $"zap{i}.wav", "-c:a", "libvorbis", $"zaps/zap{i}.ogg");
            File.Delete(Path.Combine(library, $"zap{i}.wav"));
        }
        File.WriteAllText(Path.Combine(library, "bad.wav"), "not a sound");
        return library;
    }

    private static void Tool(string tool, string dir, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { WorkingDirectory = dir, RedirectStandardError = true };
        foreach (string a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        string err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{tool}: {err}");
    }

    private static Task<int> Run(string[] args) =>
        new RootCommand { DatasetCommand.Create(), new Command("field") { FieldEncodeCommand.Create(), FieldMapCommand.Create() }, GenerateCommand.Create() }.Parse(args).InvokeAsync();

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GenWorld.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("GenWorld.sln not found");
    }
}

using System.Diagnostics;
using System.Text;
using GenWorld.Cli.Commands;
using GenWorld.Core.Audio;
using GenWorld.Core.Models;
using GenWorld.Inference.Finishing;
using GenWorld.Rendering.Imaging;
using GenWorld.Training.Runs;
using GenWorld.World.Anchors;
using GenWorld.World.Cameras;
using Xunit.Abstractions;

namespace GenWorld.Tools.Tests.Fuzz;

/// <summary>
/// Bounded fuzzing (fixed seed) of every reader of a file a user or a download may hand us: each mutated file must be
/// read or refused with the reader's own clear error type, within a time and a memory bound. A crash is any other
/// exception; a hang is a case past the time bound.
/// </summary>
[Collection("Native")]
public sealed class ReaderFuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int CasesPerReader = 600;
    private static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(5);
    private const long MemoryBound = 256L << 20;

    private static readonly System.Text.Json.JsonSerializerOptions CheckpointJson = new() { PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase, WriteIndented = true };

    private readonly string _dir = Directory.CreateTempSubdirectory("gw-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A reader: where its file goes, its seed files, whether they are JSON, how to read, what a clear refusal is.</summary>
    private sealed record Target(string Name, string FileName, byte[][] Seeds, bool Json, Action<string> Read, Type Refusal);

    [Fact]
    public void Every_reader_reads_or_refuses_clearly_within_its_bounds()
    {
        Target[] targets = [Wav(), Png(), Manifest(), Recipe(), CameraPathTarget(), Anchors(), Checkpoint()];
        var mutator = new Mutator(20261206);
        int cases = 0, refusals = 0, successes = 0;
        TimeSpan slowest = TimeSpan.Zero;
        long most = 0;
        var crashes = new List<string>();
        var hangs = new List<string>();
        var clock = Stopwatch.StartNew();
        foreach (Target target in targets)
        {
            string folder = Path.Combine(_dir, target.Name);
            Directory.CreateDirectory(folder);
            for (int i = 0; i < CasesPerReader; i++)
            {
                byte[] seed = target.Seeds[i % target.Seeds.Length];
                byte[] bytes = i < target.Seeds.Length ? seed : mutator.Mutate(seed, target.Json);
                string path = Path.Combine(folder, target.FileName);
                File.WriteAllBytes(path, bytes);
                (Exception? error, TimeSpan took, long allocated, bool finished) = Run(() => target.Read(path));
                cases++;
                if (took > slowest) slowest = took;
                most = Math.Max(most, allocated);
                string label = $"{target.Name} case {i}";
                if (!finished || took > TimeBound) { hangs.Add($"{label}: {took.TotalSeconds:F1} s"); if (!finished) break; continue; }
                if (allocated > MemoryBound) crashes.Add($"{label}: allocated {allocated >> 20} MiB");
                if (error is null) successes++;
                else if (target.Refusal.IsInstanceOfType(error) && error.Message.Length > 0) refusals++;
                else crashes.Add($"{label}: {error.GetType().Name}: {error.Message}");
            }
        }
        string summary = $"fuzz: {cases} cases over {targets.Length} readers in {clock.Elapsed.TotalSeconds:F1} s: {refusals} clear errors, {successes} successes, {crashes.Count} crashes, {hangs.Count} hangs; slowest case {slowest.TotalMilliseconds:F0} ms (bound {TimeBound.TotalSeconds:F0} s), most managed memory allocated by one case {most / 1024} KiB (bound {MemoryBound >> 20} MiB)";
        output.WriteLine(summary);
        Console.WriteLine(summary);
        Assert.True(crashes.Count == 0 && hangs.Count == 0, summary + "\n" + string.Join("\n", crashes.Concat(hangs).Take(30)));
    }

    // Each case on its own thread, so a hang is seen (and the test stops) instead of blocking the run.
    private static (Exception? Error, TimeSpan Took, long Allocated, bool Finished) Run(Action read)
    {
        Exception? error = null;
        long allocated = 0;
        var clock = Stopwatch.StartNew();
        var thread = new Thread(() =>
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            try { read(); }
            catch (Exception e) { error = e; }
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }) { IsBackground = true };
        thread.Start();
        bool finished = thread.Join(TimeBound * 4);
        return (error, clock.Elapsed, allocated, finished);
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static Target Wav()
    {
        byte[] Encode(AudioClip clip, bool asFloat)
        {
            using var stream = new MemoryStream();
            WavFile.Encode(stream, clip, asFloat);
            return stream.ToArray();
        }
        float[] tone = [.. Enumerable.Range(0, 2000).Select(i => 0.5f * MathF.Sin(i * 0.1f))];
        return new("wav", "clip.wav", [Encode(new AudioClip(tone, 1, 16000), false), Encode(new AudioClip(tone, 2, 44100), true)], false,
            path => WavFile.Read(path), typeof(InvalidDataException));
    }

    private static Target Png()
    {
        byte[] rgba = [.. Enumerable.Range(0, 32 * 32 * 4).Select(i => (byte)(i * 7))];
        return new("png", "tile.png", [PngImage.Encode(rgba, 32, 32)], false, path => PngImage.Load(path), typeof(InvalidDataException));
    }

    private static Target Manifest()
    {
        string shipped = File.ReadAllText(Path.Combine(RepoRoot, "models", "notes-vae", ModelManifest.FileName));
        string texture = File.ReadAllText(Path.Combine(RepoRoot, "models", "textures-gan", ModelManifest.FileName));
        return new("manifest", ModelManifest.FileName, [Bytes(shipped), Bytes(texture)], true, path =>
        {
            ModelManifest m = ModelManifest.Load(path);
            _ = m.Validate(); // problems are returned, never thrown
        }, typeof(InvalidDataException));
    }

    private static Target Recipe()
    {
        var recipe = new SoundRecipe("sound", "notes-vae", "models/notes-vae", 1, "vae", 60, 1, [0.1f, -0.2f, 0.3f, 0f], SoundFinishing.Default, "note", "piano");
        string path = Path.Combine(Path.GetTempPath(), $"gw-recipe-{Guid.NewGuid():N}.json");
        recipe.Save(path);
        byte[] seed = File.ReadAllBytes(path);
        File.Delete(path);
        return new("recipe", "clip.json", [seed], true, p => SoundRecipe.Load(p), typeof(InvalidDataException));
    }

    private static Target CameraPathTarget()
    {
        string example = File.ReadAllText(Path.Combine(RepoRoot, "src", "GenWorld.World", "examples", "flythrough.json"));
        return new("camera-path", "path.json", [Bytes(example)], true, path => CameraPath.Load(path), typeof(InvalidDataException));
    }

    private Target Anchors()
    {
        // A small real-format anchor set: 40 anchors of 4 latents, both files fuzzed (alternately).
        var header = new AnchorHeader(1, "m", 1, "v", 40, 4, "family", ["a", "b"], true, "float16", new Dictionary<string, double>());
        var anchors = Enumerable.Range(0, 40).Select(i => new Anchor(i, $"clip-{i}", i % 2, 40 + i)).ToArray();
        string folder = Directory.CreateDirectory(Path.Combine(_dir, "anchors-seed")).FullName;
        AnchorFile.Save(folder, new AnchorSet(header, anchors, [.. Enumerable.Range(0, 160).Select(i => (float)(Half)(i * 0.01f))]));
        byte[] json = File.ReadAllBytes(Path.Combine(folder, AnchorFile.HeaderName)), bin = File.ReadAllBytes(Path.Combine(folder, AnchorFile.DataName));
        int turn = 0;
        return new("anchors", "fuzzed", [json, bin], false, path =>
        {
            // The fuzzed bytes are one of the two files; the other is the intact original.
            string dir = Path.GetDirectoryName(path)!;
            bool isHeader = turn++ % 2 == 0;
            File.WriteAllBytes(Path.Combine(dir, AnchorFile.HeaderName), isHeader ? File.ReadAllBytes(path) : json);
            File.WriteAllBytes(Path.Combine(dir, AnchorFile.DataName), isHeader ? bin : File.ReadAllBytes(path));
            AnchorFile.Load(dir);
        }, typeof(InvalidDataException));
    }

    private Target Checkpoint()
    {
        // checkpoint.json as CheckpointStore writes it, beside a small model.pt whose hash it records.
        string folder = Directory.CreateDirectory(Path.Combine(_dir, "checkpoint-seed")).FullName;
        byte[] model = [.. Enumerable.Range(0, 1024).Select(i => (byte)i)];
        string hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(model));
        var state = new CheckpointState
        {
            Kind = "sound-vae", Config = new Dictionary<string, string> { ["latentSize"] = "16" }, Step = 100, Seed = 1, RandomState = 42, ElapsedSeconds = 12.5,
            History = [new HistoryPoint(50, new Dictionary<string, double> { ["loss"] = 1.5 })], Files = new Dictionary<string, string> { ["model.pt"] = hash },
        };
        byte[] sidecar = Bytes(System.Text.Json.JsonSerializer.Serialize(state, CheckpointJson));
        return new("checkpoint", "checkpoint.json", [sidecar], true, path =>
        {
            File.WriteAllBytes(Path.Combine(Path.GetDirectoryName(path)!, "model.pt"), model);
            CheckpointStore.Inspect(Path.GetDirectoryName(path)!, "sound-vae");
        }, typeof(TrainingException));
    }

    private static string RepoRoot => FuzzRepoRoot();

    private static string FuzzRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GenWorld.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("GenWorld.sln not found above the test binaries");
    }
}


using System.Security.Cryptography;
using System.Text.Json;
using GenWorld.Core.IO;
using TorchSharp;

namespace GenWorld.Training.Runs;

/// <summary>
/// Checkpoints under &lt;out&gt;/checkpoints/step-NNNNNNNNN/: model.pt, optim-K.pt, torch-rng.bin and checkpoint.json.
/// A checkpoint is written into a temporary folder, flushed, then renamed into place, and only then does the
/// "latest" pointer move, so a kill -9 at any moment leaves the previous good checkpoint in use.
/// </summary>
public sealed class CheckpointStore(string outDir, int keep = 2)
{
    private const string ModelFile = "model.pt";
    private const string RngFile = "torch-rng.bin";
    private const string SidecarFile = "checkpoint.json";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The checkpoints folder.</summary>
    public string Root { get; } = Path.Combine(outDir, "checkpoints");

    private string LatestPointer => Path.Combine(Root, "latest");

    /// <summary>Folder of the latest good checkpoint, or null when there is none.</summary>
    public string? LatestDirectory()
    {
        if (!File.Exists(LatestPointer)) return null;
        string name = File.ReadAllText(LatestPointer).Trim();
        return Path.Combine(Root, name);
    }

    /// <summary>
    /// The newest checkpoint whose files are all intact, or null when there is none. A damaged one (a file missing or
    /// failing its SHA-256, an unreadable checkpoint.json) is moved aside to damaged-step-N-*, never deleted, and
    /// reported through <paramref name="report"/>; the one before it is used instead, so damage costs one interval.
    /// </summary>
    public string? LatestIntact(Action<string> report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!Directory.Exists(Root)) return null;
        foreach (string dir in Directory.GetDirectories(Root, "step-*").OrderDescending(StringComparer.Ordinal))
        {
            if (Damage(dir) is not { } damage) return dir;
            string aside = Path.Combine(Root, $"damaged-{Path.GetFileName(dir)}-{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..6]}");
            Directory.Move(dir, aside);
            report($"Checkpoint {Path.GetFileName(dir)} is damaged ({damage}); moved aside to {aside} and falling back to the one before it.");
        }
        return null;
    }

    /// <summary>Writes a checkpoint and makes it the latest; returns its folder.</summary>
    public string Save(ITrainable trainable, CheckpointState state)
    {
        Directory.CreateDirectory(Root);
        // A kill -9 mid-save leaves a .tmp-* folder behind; it never became a checkpoint, so it is safe to drop.
        foreach (string stale in Directory.GetDirectories(Root, ".tmp-*"))
            Directory.Delete(stale, recursive: true);
        string temp = Path.Combine(Root, $".tmp-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temp);
        try
        {
            trainable.Module.save(Path.Combine(temp, ModelFile));
            for (int i = 0; i < trainable.Optimizers.Count; i++)
                trainable.Optimizers[i].save_state_dict(Path.Combine(temp, OptimFile(i)));
            using (var rng = torch.random.get_rng_state())
                File.WriteAllBytes(Path.Combine(temp, RngFile), rng.data<byte>().ToArray());
            var files = Directory.GetFiles(temp).ToDictionary(f => Path.GetFileName(f), HashAndFlush, StringComparer.Ordinal);
            AtomicFile.WriteAllText(Path.Combine(temp, SidecarFile), JsonSerializer.Serialize(state with { Files = files }, Json));
            string name = $"step-{state.Step:D9}";
            string final = Path.Combine(Root, name);
            if (Directory.Exists(final)) Directory.Delete(final, recursive: true);
            Directory.Move(temp, final);
            AtomicFile.WriteAllText(LatestPointer, name);
            Prune(name);
            return final;
        }
        catch
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
            throw;
        }
    }

    /// <summary>Reads and checks a checkpoint's sidecar: ours, the same kind and config, every file present and intact.</summary>
    public static CheckpointState Inspect(string dir, string? expectedKind = null, IReadOnlyDictionary<string, string>? expectedConfig = null)
    {
        (CheckpointState? state, string? damage) = ReadSidecar(dir);
        if (state is null) throw new TrainingException(damage!);
        string sidecar = Path.Combine(dir, SidecarFile);
        if (state.Format != CheckpointState.FormatName)
            throw new TrainingException($"{sidecar} is a foreign file: format '{state.Format}', expected '{CheckpointState.FormatName}'.");
        if (expectedKind is not null && state.Kind != expectedKind)
            throw new TrainingException($"{dir} holds a '{state.Kind}' checkpoint, not '{expectedKind}'.");
        if (expectedConfig is not null)
        {
            var diffs = expectedConfig.Where(kv => !state.Config.TryGetValue(kv.Key, out string? v) || v != kv.Value)
                .Select(kv => $"{kv.Key}: checkpoint {(state.Config.TryGetValue(kv.Key, out string? v) ? v : "(absent)")}, now {kv.Value}").ToList();
            if (diffs.Count > 0)
                throw new TrainingException($"{dir} was trained with other settings ({string.Join("; ", diffs)}); use a new --out or the same settings.");
        }
        if (FilesProblem(dir, state) is { } problem) throw new TrainingException(problem);
        return state;
    }

    /// <summary>
    /// Why a checkpoint's own files are damaged (checkpoint.json missing or unreadable, a file missing or failing its
    /// SHA-256), or null when they are intact. A foreign or mismatched checkpoint is not damaged: <see cref="Inspect"/> says what it is.
    /// </summary>
    public static string? Damage(string dir)
    {
        (CheckpointState? state, string? damage) = ReadSidecar(dir);
        if (state is null) return damage;
        return state.Format == CheckpointState.FormatName ? FilesProblem(dir, state) : null;
    }

    private static (CheckpointState? State, string? Damage) ReadSidecar(string dir)
    {
        string sidecar = Path.Combine(dir, SidecarFile);
        if (!File.Exists(sidecar)) return (null, $"{dir} is not a GenWorld checkpoint: {SidecarFile} is missing.");
        CheckpointState? state;
        try
        {
            state = JsonSerializer.Deserialize<CheckpointState>(File.ReadAllText(sidecar), Json);
        }
        catch (JsonException e)
        {
            return (null, $"{sidecar} is corrupt (invalid JSON at {e.Path ?? "$"}): {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return (null, $"{sidecar} cannot be read: {e.Message}");
        }
        if (state is null) return (null, $"{sidecar}: the JSON is null.");
        if (state.Files is null || state.Config is null || state.History is null)
            return (null, $"{sidecar} is incomplete: files, config or history is missing.");
        return (state, null);
    }

    private static string? FilesProblem(string dir, CheckpointState state)
    {
        string sidecar = Path.Combine(dir, SidecarFile);
        if (!state.Files.ContainsKey(ModelFile)) return $"{sidecar} lists no {ModelFile}.";
        foreach ((string file, string hash) in state.Files)
        {
            string path = Path.Combine(dir, file);
            if (file.Contains('/', StringComparison.Ordinal) || file.Contains('\\', StringComparison.Ordinal) || file is "." or "..")
                return $"{sidecar} names a file outside its folder: '{file}'.";
            if (!File.Exists(path)) return $"{dir} is incomplete: {file} is missing.";
            if (!string.Equals(Hash(path), hash, StringComparison.OrdinalIgnoreCase)) return $"{path} is corrupt: its SHA-256 does not match checkpoint.json.";
        }
        return null;
    }

    /// <summary>Checks, then loads weights, optimiser state and the libtorch RNG into <paramref name="trainable"/>.</summary>
    public static CheckpointState Load(string dir, ITrainable trainable)
    {
        CheckpointState state = Inspect(dir, trainable.Kind, trainable.Config);
        if (!state.Files.ContainsKey(ModelFile) || Enumerable.Range(0, trainable.Optimizers.Count).Any(i => !state.Files.ContainsKey(OptimFile(i))))
            throw new TrainingException($"{dir} does not hold the model and {trainable.Optimizers.Count} optimiser file(s) this model needs.");
        try
        {
            trainable.Module.load(Path.Combine(dir, ModelFile));
            for (int i = 0; i < trainable.Optimizers.Count; i++)
                trainable.Optimizers[i].load_state_dict(Path.Combine(dir, OptimFile(i)));
            if (state.Files.ContainsKey(RngFile))
            {
                using var rng = torch.tensor(File.ReadAllBytes(Path.Combine(dir, RngFile)), torch.ScalarType.Byte);
                torch.random.set_rng_state(rng);
            }
        }
        catch (Exception e) when (e is not TrainingException)
        {
            throw new TrainingException($"{dir} could not be loaded into this {trainable.Kind} model: {e.Message}", e);
        }
        return state;
    }

    private static string OptimFile(int i) => $"optim-{i}.pt";

    private void Prune(string keepNewest)
    {
        var old = Directory.GetDirectories(Root, "step-*").Select(Path.GetFileName).OrderDescending(StringComparer.Ordinal)
            .Where(n => n != keepNewest).Skip(keep - 1);
        foreach (string? name in old)
            Directory.Delete(Path.Combine(Root, name!), recursive: true);
    }

    private static string HashAndFlush(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        stream.Flush(flushToDisk: true);
        stream.Position = 0;
        return Convert.ToHexString(SHA256.HashData(stream));
    }

    private static string Hash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream));
    }
}

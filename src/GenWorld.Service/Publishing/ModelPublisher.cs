using System.Text.Json;
using GenWorld.Core.IO;
using GenWorld.Core.Models;
using GenWorld.Service.Recipes;
using GenWorld.Training.Runs;

namespace GenWorld.Service.Publishing;

/// <summary>
/// Publishes a checkpoint as models/&lt;name&gt;/&lt;N&gt;/: export into a temporary folder beside it, flush every file and the
/// folder, rename into place, flush the parent, then replace the "latest" pointer atomically. A reader (or a crash) sees
/// either the previous version or the complete new one. Publishing the same job twice (a crash after the rename) reuses its version.
/// </summary>
public sealed class ModelPublisher(string modelsRoot)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly Lock _gate = new();

    /// <summary>The models root (full path).</summary>
    public string Root { get; } = Path.GetFullPath(modelsRoot);

    /// <summary>Exports <paramref name="checkpointDir"/> and publishes it as the next version of <paramref name="name"/>.</summary>
    public PublishedVersion Publish(string name, string checkpointDir, string jobId, ITrainRecipe recipe, string? runDir = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(recipe);
        string modelDir = Path.Combine(Root, name);
        lock (_gate)
        {
            Directory.CreateDirectory(modelDir);
            if (FindByJob(name, jobId) is { } already) return already;
            foreach (string stale in Directory.GetDirectories(modelDir, ".tmp-*")) Directory.Delete(stale, recursive: true);
            int version = ModelVersions.List(modelDir).DefaultIfEmpty(0).Max() + 1;
            string temp = Path.Combine(modelDir, $".tmp-{Guid.NewGuid():N}");
            try
            {
                ModelManifest manifest = recipe.Export(checkpointDir, temp, name);
                manifest = manifest with { Version = version };
                manifest.Save(Path.Combine(temp, ModelManifest.FileName));
                CheckpointState state = CheckpointStore.Inspect(checkpointDir);
                var source = new TrainingSource(jobId, state.Kind, state.Step, Path.GetFullPath(checkpointDir), DateTimeOffset.UtcNow);
                AtomicFile.WriteAllText(Path.Combine(temp, TrainingSource.FileName), JsonSerializer.Serialize(source, Json));
                foreach (string extra in new[] { "report.json", "curves.png", "contact-sheet.png" })
                    if (runDir is not null && File.Exists(Path.Combine(runDir, extra))) File.Copy(Path.Combine(runDir, extra), Path.Combine(temp, extra));
                DirectorySync.FlushTree(temp);
                string final = ModelVersions.VersionDir(modelDir, version);
                Directory.Move(temp, final);
                DirectorySync.FlushFolder(modelDir);
                AtomicFile.WriteAllText(Path.Combine(modelDir, ModelVersions.LatestFile), version.ToString(System.Globalization.CultureInfo.InvariantCulture));
                DirectorySync.FlushFolder(modelDir);
                return Describe(name, version, final);
            }
            catch
            {
                if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
                throw;
            }
        }
    }

    /// <summary>Every model under the root, flat shipped folders included.</summary>
    public IReadOnlyList<PublishedModel> List()
    {
        if (!Directory.Exists(Root)) return [];
        var models = new List<PublishedModel>();
        foreach (string dir in Directory.EnumerateDirectories(Root).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(dir);
            IReadOnlyList<int> versions = ModelVersions.List(dir);
            if (versions.Count > 0)
                models.Add(new PublishedModel(name, ModelVersions.Latest(dir), [.. versions.Select(v => Describe(name, v, ModelVersions.VersionDir(dir, v)))]));
            else if (File.Exists(Path.Combine(dir, ModelManifest.FileName)))
                models.Add(new PublishedModel(name, null, [Describe(name, null, dir)]));
        }
        return models;
    }

    /// <summary>A published version: "name" (its latest, or the folder itself when flat) or "name/N"; null when there is none.</summary>
    public PublishedVersion? Find(string reference)
    {
        string[] parts = reference.Split('/');
        string modelDir = Path.Combine(Root, parts[0]);
        if (parts.Length > 2 || !Directory.Exists(modelDir)) return null;
        int? version = parts.Length == 2
            ? (int.TryParse(parts[1], out int v) && ModelVersions.List(modelDir).Contains(v) ? v : null)
            : ModelVersions.Latest(modelDir);
        if (version is int n) return Describe(parts[0], n, ModelVersions.VersionDir(modelDir, n));
        // A flat folder (the shipped models) is its own only version.
        return parts.Length == 1 && File.Exists(Path.Combine(modelDir, ModelManifest.FileName)) ? Describe(parts[0], null, modelDir) : null;
    }

    private PublishedVersion? FindByJob(string name, string jobId)
    {
        string modelDir = Path.Combine(Root, name);
        return ModelVersions.List(modelDir).Select(v => Describe(name, v, ModelVersions.VersionDir(modelDir, v)))
            .FirstOrDefault(p => p.Source?.JobId == jobId);
    }

    private static PublishedVersion Describe(string name, int? version, string dir)
    {
        ModelManifest manifest = ModelManifest.Load(Path.Combine(dir, ModelManifest.FileName));
        string sourceFile = Path.Combine(dir, TrainingSource.FileName);
        TrainingSource? source = File.Exists(sourceFile) ? JsonSerializer.Deserialize<TrainingSource>(File.ReadAllText(sourceFile), Json) : null;
        return new PublishedVersion(name, version, dir, JsonNamingPolicy.KebabCaseLower.ConvertName(manifest.Kind.ToString()), manifest.Metrics, source);
    }
}

using System.Globalization;

namespace GenWorld.Core.Models;

/// <summary>
/// The layout of a versioned model folder, shared by the publisher (the training service) and the runtime:
/// models/&lt;name&gt;/&lt;N&gt;/ holds version N (manifest.json + ONNX parts) and models/&lt;name&gt;/latest holds "N",
/// replaced atomically after the version folder is complete. A flat folder (manifest.json directly inside) is version-less.
/// </summary>
public static class ModelVersions
{
    /// <summary>Name of the pointer file.</summary>
    public const string LatestFile = "latest";

    /// <summary>Published versions in ascending order: whole-number sub-folders that hold a manifest.</summary>
    public static IReadOnlyList<int> List(string modelDir)
    {
        if (!Directory.Exists(modelDir)) return [];
        return [.. Directory.EnumerateDirectories(modelDir)
            .Select(d => (Dir: d, Ok: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out int v), Version: v))
            .Where(x => x.Ok && x.Version > 0 && File.Exists(Path.Combine(x.Dir, ModelManifest.FileName)))
            .Select(x => x.Version)
            .Order()];
    }

    /// <summary>The version the pointer names (when its folder is complete), else the highest published one, else null.</summary>
    public static int? Latest(string modelDir)
    {
        string pointer = Path.Combine(modelDir, LatestFile);
        if (File.Exists(pointer)
            && int.TryParse(File.ReadAllText(pointer).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int v)
            && File.Exists(Path.Combine(VersionDir(modelDir, v), ModelManifest.FileName)))
            return v;
        IReadOnlyList<int> all = List(modelDir);
        return all.Count > 0 ? all[^1] : null;
    }

    /// <summary>Folder of version <paramref name="version"/>.</summary>
    public static string VersionDir(string modelDir, int version) =>
        Path.Combine(modelDir, version.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// The folder to load for <paramref name="modelDir"/>: its latest version when it is versioned, the folder itself when
    /// it is flat (manifest.json inside, e.g. the shipped models/notes-vae), with the version (null for flat).
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">Neither a flat nor a versioned model folder.</exception>
    public static (string Folder, int? Version) Resolve(string modelDir)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelDir);
        if (Latest(modelDir) is int v) return (VersionDir(modelDir, v), v);
        if (File.Exists(Path.Combine(modelDir, ModelManifest.FileName))) return (modelDir, null);
        throw new DirectoryNotFoundException($"{Path.GetFullPath(modelDir)} is not a model folder: no {ModelManifest.FileName} and no published version (N/{ModelManifest.FileName}).");
    }
}

using GenWorld.Core.Models;

namespace GenWorld.Inference.Models;

/// <summary>
/// Opens a model by its folder under models/ whether it is versioned (models/&lt;name&gt;/&lt;N&gt;/ + "latest", as the
/// training service publishes) or flat (models/&lt;name&gt;/manifest.json, as shipped, e.g. models/notes-vae).
/// </summary>
public static class VersionedModelFolder
{
    /// <summary>The latest version of <paramref name="modelDir"/> (or the flat folder itself), opened and warmed up.</summary>
    /// <exception cref="DirectoryNotFoundException">Neither a versioned nor a flat model folder.</exception>
    /// <exception cref="InvalidModelFolderException">The chosen folder's manifest or graphs are invalid.</exception>
    public static ModelFolder OpenLatest(string modelDir, OrtSessionFactory factory, OrtSessionSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return ModelFolder.Open(ModelVersions.Resolve(modelDir).Folder, factory, settings);
    }

    /// <summary>A cache-safe version label for <paramref name="modelDir"/>: "name@N" for a published version, "name" for a flat folder.</summary>
    public static string VersionLabel(string modelDir)
    {
        (string _, int? version) = ModelVersions.Resolve(modelDir);
        string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(modelDir)));
        return version is int v ? $"{name}@{v}" : name;
    }
}

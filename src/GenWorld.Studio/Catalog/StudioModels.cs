using System.Collections.Concurrent;
using GenWorld.Core.Models;
using GenWorld.Inference;
using GenWorld.Inference.Generation;
using GenWorld.Core.IO;
using GenWorld.World.Anchors;

namespace GenWorld.Studio.Catalog;

/// <summary>
/// Every model under the models root (the shipped flat folders and the user's published ones, latest version), listed
/// afresh on each call so a model published by a training job appears without a restart. Generation services and maps
/// are opened on first use and kept per folder, so a newly published version gets its own service (and its own codes).
/// </summary>
internal sealed class StudioModels : IDisposable
{
    private readonly string _root;
    private readonly ConcurrentDictionary<string, Lazy<SoundGenerationService>> _sounds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<TextureGenerationService>> _textures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<StudioMap>> _maps = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Core.Numerics.LatentPrior?>> _priors = new(StringComparer.Ordinal);

    public StudioModels(string modelsRoot)
    {
        _root = RealPath.Resolve(modelsRoot);
    }

    /// <summary>Sound and texture models, by name.</summary>
    public IReadOnlyList<StudioModel> List()
    {
        if (!Directory.Exists(_root)) return [];
        var models = new List<StudioModel>();
        foreach (string dir in Directory.EnumerateDirectories(_root).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(dir);
            if (ModelName.Problem(name) is not null) continue;
            try
            {
                (string folder, int? version) = ModelVersions.Resolve(dir);
                ModelManifest m = ModelManifest.Load(Path.Combine(folder, ModelManifest.FileName));
                if (m.Kind is not (ModelKind.SoundVae or ModelKind.SoundGan or ModelKind.TextureGan)) continue;
                models.Add(new StudioModel(name, m.Kind, version, m.LatentSize, m.Conditioning?.PitchMin, m.Conditioning?.PitchMax,
                    m.Conditioning?.LabelNames ?? [], AnchorFile.Exists(folder)));
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                // A half-written or broken folder is left out of the picker; it is not the page's problem.
            }
        }
        return models;
    }

    /// <summary>The generation service for a sound model (opened and warmed up on first use).</summary>
    /// <exception cref="StudioRequestException">Not a model name, no such model, or not a sound model.</exception>
    public SoundGenerationService Sound(string? name) =>
        _sounds.GetOrAdd(Folder(name), folder => new Lazy<SoundGenerationService>(() => SoundGenerationService.Open(folder, factory: Factory()))).Value;

    /// <summary>The fitted prior a sound model's random seeds are drawn from (latent-prior.json), or null for N(0, I).</summary>
    public Core.Numerics.LatentPrior? Prior(string? name)
    {
        try { return _priors.GetOrAdd(Folder(name), folder => new Lazy<Core.Numerics.LatentPrior?>(() => Core.Numerics.LatentPrior.LoadFrom(folder))).Value; }
        catch (InvalidDataException e) { throw new StudioRequestException(500, $"model '{name}': {e.Message}"); }
    }

    /// <summary>The generation service for a texture model.</summary>
    public TextureGenerationService Texture(string? name) =>
        _textures.GetOrAdd(Folder(name), folder => new Lazy<TextureGenerationService>(() => TextureGenerationService.Open(folder, factory: Factory()))).Value;

    /// <summary>The map of a model with anchors.</summary>
    public StudioMap Map(string? name)
    {
        string folder = Folder(name);
        if (!AnchorFile.Exists(folder))
            throw new StudioRequestException(404, $"model '{name}' has no anchors; make them with `genworld field encode --model models/{name} --dataset DIR`.");
        return _maps.GetOrAdd(folder, f => new Lazy<StudioMap>(() => StudioMap.Load(f))).Value;
    }

    /// <summary>The folder a name serves now (its latest version), confined to the models root.</summary>
    public string Folder(string? name)
    {
        if (ModelName.Problem(name) is { } problem) throw new StudioRequestException(400, problem);
        string dir = Path.Combine(_root, name!);
        if (!Directory.Exists(dir)) throw new StudioRequestException(404, $"model: no model '{name}' under the models root.");
        string folder;
        try { folder = RealPath.Resolve(ModelVersions.Resolve(dir).Folder); }
        catch (DirectoryNotFoundException) { throw new StudioRequestException(404, $"model: '{name}' has no manifest.json and no published version."); }
        if (!RealPath.IsInside(folder, _root)) throw new StudioRequestException(403, $"model: '{name}' leads outside the models root (a symbolic link); it is not served.");
        return folder;
    }

    public void Dispose()
    {
        foreach (Lazy<SoundGenerationService> s in _sounds.Values) if (s.IsValueCreated) s.Value.Dispose();
        foreach (Lazy<TextureGenerationService> t in _textures.Values) if (t.IsValueCreated) t.Value.Dispose();
    }

    private static OrtSessionFactory Factory() => new(_ => { });
}

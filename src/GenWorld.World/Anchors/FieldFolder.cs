using System.Text.Json;
using GenWorld.Core.IO;
using GenWorld.Core.Models;

namespace GenWorld.World.Anchors;

/// <summary>
/// A user field: a folder of its own holding anchors.json + anchors.bin and field.json, which names the sound model the
/// anchors were encoded with. `field encode --out FIELD` writes one, so a user's library never overwrites the anchors
/// shipped in a model folder; every verb that takes `--model` opens a field folder in its place.
/// </summary>
public static class FieldFolder
{
    /// <summary>File naming the model inside a field folder.</summary>
    public const string FileName = "field.json";

    /// <param name="Model">The model folder the anchors were encoded with.</param>
    /// <param name="Dataset">The dataset folder they came from.</param>
    /// <param name="Originals">Each anchor's original clip (anchor id → WAV path), played at its anchor; null in fields made before it.</param>
    private sealed record FieldJson(string Model, string Dataset, IReadOnlyDictionary<string, string>? Originals = null);

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    /// <summary>Whether <paramref name="folder"/> is a field folder.</summary>
    public static bool Is(string folder) => File.Exists(Path.Combine(folder, FileName));

    /// <summary>Writes field.json (after the anchors: its presence marks a finished field) with each anchor's original clip.</summary>
    public static void Write(string fieldFolder, string modelFolder, string datasetFolder, IReadOnlyDictionary<string, string> originals) =>
        AtomicFile.WriteAllText(Path.Combine(fieldFolder, FileName),
            JsonSerializer.Serialize(new FieldJson(Path.GetFullPath(modelFolder), Path.GetFullPath(datasetFolder),
                originals.ToDictionary(kv => kv.Key, kv => Path.GetFullPath(kv.Value), StringComparer.Ordinal)), Json));

    /// <summary>
    /// The model folder and the anchors folder for a `--model` argument: a model folder is both; a field folder names
    /// its model. Throws <see cref="InvalidDataException"/> naming field.json when it is unreadable or its model is gone.
    /// </summary>
    public static (string Model, string Anchors) Resolve(string folder)
    {
        if (!Is(folder)) return (folder, folder);
        FieldJson field = Read(folder);
        string path = Path.Combine(folder, FileName);
        if (!File.Exists(Path.Combine(field.Model, ModelManifest.FileName)))
            throw new InvalidDataException($"{path}: its model {field.Model} is gone (no {ModelManifest.FileName}); encode the field again with `genworld field encode --model M --dataset D --out {folder}`.");
        return (field.Model, folder);
    }

    /// <summary>Each anchor's original clip (anchor id → WAV path) in a field folder; empty for a model folder or an older field.</summary>
    public static IReadOnlyDictionary<string, string> Originals(string folder) =>
        Is(folder) && Read(folder).Originals is { } originals ? originals : new Dictionary<string, string>();

    private static FieldJson Read(string folder)
    {
        string path = Path.Combine(folder, FileName);
        FieldJson? field;
        try { field = JsonSerializer.Deserialize<FieldJson>(File.ReadAllText(path), Json); }
        catch (JsonException e) { throw new InvalidDataException($"{path}: invalid JSON ({e.Message})", e); }
        if (field is null || string.IsNullOrWhiteSpace(field.Model)) throw new InvalidDataException($"{path}: 'model' is missing");
        return field;
    }

    /// <summary>The anchors of a field or model folder, checked against the model they were made by.</summary>
    public static AnchorSet LoadAnchors(string folder)
    {
        var (model, anchors) = Resolve(folder);
        AnchorSet set = AnchorFile.Load(anchors);
        if (anchors != model && set.Header.ModelHash is { } made && !string.Equals(made, ModelFileHash.OfModel(model), StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException($"{Path.Combine(folder, AnchorFile.HeaderName)}: made by another version of {model} (it was re-exported); encode the field again.");
        return set;
    }
}

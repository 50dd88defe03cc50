using System.Text.Json;
using System.Text.Json.Serialization;
using GenWorld.Core.IO;

namespace GenWorld.Core.Models;

/// <summary>
/// manifest.json written beside a model's ONNX files in models/&lt;name&gt;/: what the model is, how to feed it,
/// what it was trained on and how well it did. The runtime reads it; training writes it.
/// </summary>
public sealed record ModelManifest
{
    /// <summary>File name inside a model folder.</summary>
    public const string FileName = "manifest.json";

    /// <summary>Model name; also the folder name under models/.</summary>
    public string Name { get; init; } = "";

    /// <summary>Which generative model this is.</summary>
    public ModelKind Kind { get; init; }

    /// <summary>Model version, counting up from 1 each time the model is retrained.</summary>
    public int Version { get; init; } = 1;

    /// <summary>Size of the latent vector the generator/decoder takes.</summary>
    public int LatentSize { get; init; }

    /// <summary>What the model is conditioned on, or null when unconditional.</summary>
    public ModelConditioning? Conditioning { get; init; }

    /// <summary>Audio sample rate in Hz (sound models only).</summary>
    public int? SampleRate { get; init; }

    /// <summary>How audio is represented at the model boundary, e.g. "waveform" or "log-mel-80" (sound models only).</summary>
    public string? AudioRepresentation { get; init; }

    /// <summary>The ONNX files of this model.</summary>
    public IReadOnlyList<ModelOnnxPart> Parts { get; init; } = [];

    /// <summary>Version of the dataset the model was trained on.</summary>
    public string DatasetVersion { get; init; } = "";

    /// <summary>Training metrics by name (e.g. "finalLoss", "fad").</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>Licence of the training data (e.g. "CC0-1.0", "CC-BY-4.0"), which may bind generated content.</summary>
    public string DataLicense { get; init; } = "";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    /// <summary>Problems with the manifest, each naming its field; empty when valid.</summary>
    public IReadOnlyList<string> Validate() => ModelManifestValidator.Validate(this);

    /// <summary>Serialises to camelCase JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Parses JSON; throws <see cref="InvalidDataException"/> naming the problem when it is malformed.</summary>
    public static ModelManifest FromJson(string json, string source = "manifest")
    {
        try
        {
            return JsonSerializer.Deserialize<ModelManifest>(json, JsonOptions)
                ?? throw new InvalidDataException($"{source}: the JSON is null.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: invalid manifest JSON at {e.Path ?? "$"}: {e.Message}", e);
        }
    }

    /// <summary>Reads a manifest file (call <see cref="Validate"/> before trusting it).</summary>
    public static ModelManifest Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return FromJson(File.ReadAllText(path), path);
    }

    /// <summary>
    /// Validates, then writes the manifest atomically; throws listing every error when invalid. Each part whose ONNX
    /// file already lies beside <paramref name="path"/> gets its SHA-256 recorded, so damaged bytes are caught at load.
    /// </summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        IReadOnlyList<string> errors = Validate();
        if (errors.Count > 0)
            throw new InvalidOperationException($"Refusing to save an invalid manifest to {path}: {string.Join(" ", errors)}");
        string dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        ModelManifest hashed = this with
        {
            Parts = [.. Parts.Select(p => File.Exists(Path.Combine(dir, p.File)) ? p with { Sha256 = ModelFileHash.Of(Path.Combine(dir, p.File)) } : p)],
        };
        AtomicFile.WriteAllText(path, hashed.ToJson());
    }
}

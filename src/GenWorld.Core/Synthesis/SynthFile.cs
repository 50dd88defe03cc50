using System.Text.Json;
using System.Text.Json.Serialization;
using GenWorld.Core.IO;

namespace GenWorld.Core.Synthesis;

/// <summary>
/// synth.json of a full-band model folder: the harmonic-plus-noise synthesiser's shape and its learned impulse
/// response, written by the exporter and read by the runtime synthesiser. The decoder.onnx beside it outputs controls
/// [N, Harmonics + NoiseBands, Frames] in linear amplitude.
/// </summary>
public sealed record SynthFile(int SampleRate, int Hop, int Frames, int Harmonics, int NoiseBands, int NoiseFftSize, float[] Impulse)
{
    /// <summary>File name inside a model folder.</summary>
    public const string FileName = "synth.json";

    /// <summary>The manifest's audioRepresentation for models whose decoder outputs synthesiser controls.</summary>
    public const string Representation = "harmonic-noise-synth";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = false, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>
    /// The peak every clip was scaled to in training, so the encoder reads a clip scaled the same way (0: the clip as it
    /// is, the convention of models exported before it existed). Why: trained at each recording's own level, the loss
    /// ignored a hiss ~70 dB under a quiet note, which the player's loudness normalisation then raised into view.
    /// </summary>
    public float InputPeak { get; init; }

    /// <summary>Samples per clip.</summary>
    public int ClipLength => Frames * Hop;

    /// <summary>Control values per frame.</summary>
    public int ControlsPerFrame => Harmonics + NoiseBands;

    /// <summary>Problems, each naming the field (ranges a sane model has; a hostile file cannot make the runtime allocate gigabytes).</summary>
    public IReadOnlyList<string> Validate()
    {
        var e = new List<string>();
        if (SampleRate is < 8000 or > 192000) e.Add($"sampleRate: {SampleRate} is outside 8000..192000.");
        if (Hop is < 16 or > 4096) e.Add($"hop: {Hop} is outside 16..4096.");
        if (Frames is < 8 or > 4096) e.Add($"frames: {Frames} is outside 8..4096.");
        if (Harmonics is < 0 or > 512) e.Add($"harmonics: {Harmonics} is outside 0..512.");
        if (NoiseBands is < 1 or > 512) e.Add($"noiseBands: {NoiseBands} is outside 1..512.");
        if (NoiseFftSize is < 64 or > 8192 || (NoiseFftSize & (NoiseFftSize - 1)) != 0) e.Add($"noiseFftSize: {NoiseFftSize} must be a power of two in 64..8192.");
        if (!(InputPeak is >= 0 and <= 1)) e.Add($"inputPeak: {InputPeak} is outside 0..1.");
        if (Impulse is null || Impulse.Length is < 1 or > 96000) e.Add("impulse: must hold 1..96000 taps.");
        else if (Impulse.Any(v => !float.IsFinite(v))) e.Add("impulse: holds a value that is not a finite number.");
        return e;
    }

    /// <summary>Writes the file atomically.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, Json));

    /// <summary>Reads and validates the file; errors name it and the field.</summary>
    public static SynthFile Load(string path)
    {
        SynthFile? file;
        try { file = JsonSerializer.Deserialize<SynthFile>(File.ReadAllText(path), Json); }
        catch (JsonException e) { throw new InvalidDataException($"{path}: not a valid synth.json ({e.Message}).", e); }
        if (file is null) throw new InvalidDataException($"{path}: empty synth.json.");
        if (file.Validate() is { Count: > 0 } errors) throw new InvalidDataException($"{path}: " + string.Join(" ", errors));
        return file;
    }
}

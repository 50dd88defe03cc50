using System.Globalization;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenWorld.Training.Models;

/// <summary>Shape of a <see cref="SoundVae"/>; Frames and Bins must be divisible by 2^Downsamples.</summary>
public sealed record SoundVaeConfig(int Frames = 128, int Bins = 256, int LatentSize = 16, int Channels = 16, int Downsamples = 4, int PitchMin = 0, int PitchClasses = 0)
{
    /// <summary>Problems, each naming the field.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        int f = 1 << Downsamples;
        if (Downsamples is < 1 or > 6) errors.Add($"downsamples: must be 1..6, got {Downsamples}.");
        else if (Frames % f != 0 || Bins % f != 0) errors.Add($"frames/bins: {Frames}×{Bins} must be divisible by {f}.");
        if (LatentSize is < 1 or > 512) errors.Add($"latentSize: must be 1..512, got {LatentSize}.");
        if (Channels < 1) errors.Add($"channels: must be >= 1, got {Channels}.");
        if (PitchClasses < 0 || PitchMin < 0 || PitchMin + PitchClasses > 128) errors.Add($"pitch: [{PitchMin}, {PitchMin + PitchClasses}) is not within MIDI 0..127.");
        return errors;
    }

    /// <summary>Width of the decoder input: latent plus the pitch one-hot.</summary>
    public int DecoderInputSize => LatentSize + PitchClasses;

    /// <summary>As strings, for checkpoint sidecars.</summary>
    public Dictionary<string, string> ToConfig() => new()
    {
        ["frames"] = Str(Frames), ["bins"] = Str(Bins), ["latentSize"] = Str(LatentSize), ["channels"] = Str(Channels),
        ["downsamples"] = Str(Downsamples), ["pitchMin"] = Str(PitchMin), ["pitchClasses"] = Str(PitchClasses),
    };

    /// <summary>Reads back <see cref="ToConfig"/>.</summary>
    public static SoundVaeConfig FromConfig(IReadOnlyDictionary<string, string> c) => new(
        Int(c, "frames"), Int(c, "bins"), Int(c, "latentSize"), Int(c, "channels"), Int(c, "downsamples"), Int(c, "pitchMin"), Int(c, "pitchClasses"));

    private static string Str(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static int Int(IReadOnlyDictionary<string, string> c, string key) =>
        c.TryGetValue(key, out string? v) && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out int i)
            ? i : throw new InvalidDataException($"sound-vae config: '{key}' is missing or not an integer.");
}

/// <summary>
/// Sound VAE over the 2 × Frames × Bins log-magnitude + IF representation. Encoder: strided convs → Linear → [μ | logσ²]
/// (one tensor of 2·LatentSize). Decoder: [z | pitch one-hot] → Linear → transposed convs → representation. Both are
/// plain Sequentials of exporter-supported layers, so they export to ONNX as they are. SiLU rather than LeakyReLU: TorchSharp
/// 0.107's LeakyReLU passes a temporary Scalar to native code, and a long run here crashed inside it (Scalar::toFloat).
/// </summary>
public sealed class SoundVae : nn.Module<Tensor, Tensor>
{
    private readonly Sequential _encoder;
    private readonly Sequential _decoder;

    /// <summary>Builds the model (weights from libtorch's current seed).</summary>
    public SoundVae(SoundVaeConfig config) : base(nameof(SoundVae))
    {
        IReadOnlyList<string> errors = config.Validate();
        if (errors.Count > 0) throw new ArgumentException("Invalid sound VAE config: " + string.Join(" ", errors), nameof(config));
        Config = config;
        int d = config.Downsamples, top = config.Channels << (d - 1);
        long ft = config.Frames >> d, bt = config.Bins >> d;
        var enc = new List<(string, nn.Module<Tensor, Tensor>)>();
        for (int i = 0; i < d; i++)
        {
            enc.Add(($"conv{i}", nn.Conv2d(i == 0 ? 2 : config.Channels << (i - 1), config.Channels << i, 4, stride: 2, padding: 1)));
            enc.Add(($"act{i}", nn.SiLU()));
        }
        enc.Add(("flatten", nn.Flatten()));
        enc.Add(("stats", nn.Linear(top * ft * bt, 2 * config.LatentSize)));
        _encoder = nn.Sequential(enc);

        var dec = new List<(string, nn.Module<Tensor, Tensor>)>
        {
            ("project", nn.Linear(config.DecoderInputSize, top * ft * bt)),
            ("unflatten", nn.Unflatten(1, [top, ft, bt])),
        };
        for (int i = d - 1; i >= 0; i--)
        {
            dec.Add(($"act{i}", nn.SiLU()));
            dec.Add(($"deconv{i}", nn.ConvTranspose2d(config.Channels << i, i == 0 ? 2 : config.Channels << (i - 1), 4, stride: 2, padding: 1)));
        }
        _decoder = nn.Sequential(dec);
        RegisterComponents();
    }

    /// <summary>Shape of this model.</summary>
    public SoundVaeConfig Config { get; }

    /// <summary>Representation [N, 2, F, B] → [μ | logσ²] [N, 2L].</summary>
    public Sequential Encoder => _encoder;

    /// <summary>[z | pitch one-hot] [N, L + P] → representation [N, 2, F, B].</summary>
    public Sequential Decoder => _decoder;

    /// <summary>Reconstruction through μ (no sampling); unconditional models only, use <see cref="Decode"/> otherwise.</summary>
    public override Tensor forward(Tensor x)
    {
        using var stats = _encoder.forward(x);
        return Decode(stats[.., ..Config.LatentSize], null);
    }

    /// <summary>Decodes latents with optional MIDI pitches (required when the model is pitch-conditioned).</summary>
    public Tensor Decode(Tensor z, long[]? pitches) => _decoder.forward(DecoderInput(z, pitches));

    /// <summary>[z | one-hot(pitch - PitchMin)]; pitches outside the range throw.</summary>
    public Tensor DecoderInput(Tensor z, long[]? pitches)
    {
        if (Config.PitchClasses == 0) return z.alias();
        return PitchOneHot.Append(z, pitches, Config.PitchMin, Config.PitchClasses);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _encoder.Dispose();
            _decoder.Dispose();
        }
        base.Dispose(disposing);
    }
}

using GenWorld.Core.Models;
using GenWorld.Inference.Finishing;
using GenWorld.Inference.Generation;
using GenWorld.Inference.Models;

namespace GenWorld.Cli.Commands;

/// <summary>
/// One way to ask any sound model folder for a clip with a given latent and the labels of a real clip: a sound GAN
/// gets the pitch and its label (e.g. family), a pitch-conditioned VAE the pitch, an unconditioned VAE neither.
/// </summary>
internal sealed class SoundModelSampler
{
    private readonly SoundDecoder? _vae;
    private readonly SoundGanGenerator? _gan;

    public SoundModelSampler(ModelFolder folder)
    {
        ModelManifest m = folder.Manifest;
        // Metrics compare with real clips at the model rate, so generated clips are finished at that rate too.
        var finishing = new SoundFinishing(OutputRate: m.SampleRate ?? throw new ArgumentException($"Model '{m.Name}' has no sampleRate."));
        if (m.Kind == ModelKind.SoundVae)
        {
            _vae = new SoundDecoder(folder, finishing);
            LatentSize = _vae.LatentSize;
            ClipLength = _vae.ClipLength;
            SampleRate = _vae.SampleRate;
        }
        else if (m.Kind == ModelKind.SoundGan)
        {
            _gan = new SoundGanGenerator(folder, finishing);
            LatentSize = _gan.LatentSize;
            ClipLength = _gan.ClipLength;
            SampleRate = _gan.SampleRate;
        }
        else throw new ArgumentException($"Model '{m.Name}' is a {m.Kind}; evaluate sound takes a sound VAE or sound GAN.");
        PitchConditioned = m.Conditioning?.PitchMin is not null;
    }

    public int LatentSize { get; }

    public int ClipLength { get; }

    public int SampleRate { get; }

    public bool PitchConditioned { get; }

    /// <summary>What the generated clip is conditioned on, for the report.</summary>
    public string Conditioning => _gan is not null
        ? $"latent + the held-out clip's pitch{(_gan.LabelNames.Count == 0 ? "" : " and class label (family)")}"
        : PitchConditioned ? "latent + the held-out clip's pitch (the VAE has no family input)" : "latent only";

    /// <summary>A clip for latent <paramref name="z"/> under the labels of a real clip; a label the model lacks is named.</summary>
    public float[] Generate(float[] z, IReadOnlyDictionary<string, string> labels)
    {
        int? pitch = PitchConditioned ? ParsePitch(labels) : null;
        if (_vae is not null) return _vae.Decode(z, pitch);
        string? label = null;
        if (_gan!.LabelNames.Count > 0)
        {
            // The label is whichever of the clip's labels takes one of the model's label names (the family, for notes).
            label = labels.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value).FirstOrDefault(v => _gan.LabelNames.Contains(v))
                ?? throw new InvalidDataException($"a held-out clip has no label among the model's {_gan.LabelNames.Count} label names ({string.Join(", ", _gan.LabelNames.Take(4))}, ...).");
        }
        return _gan.Generate(z, pitch, label);
    }

    private static int ParsePitch(IReadOnlyDictionary<string, string> labels) =>
        labels.TryGetValue("pitch", out string? p) && int.TryParse(p, System.Globalization.CultureInfo.InvariantCulture, out int v)
            ? v : throw new InvalidDataException("the model is pitch-conditioned but a held-out clip has no integer 'pitch' label.");
}

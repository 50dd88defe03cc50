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
    private readonly SoundEncoder? _encoder;

    public SoundModelSampler(ModelFolder folder)
    {
        ModelManifest m = folder.Manifest;
        // Metrics compare full-band statistics at 48 kHz, so every model's clips are finished at 48 kHz (a 16 kHz model's
        // then hold nothing above 8 kHz, as a listener hears them).
        var finishing = new SoundFinishing(OutputRate: Inference.Evaluation.FullBandFeatures.SampleRate);
        if (m.Kind == ModelKind.SoundVae)
        {
            _vae = new SoundDecoder(folder, finishing);
            _encoder = new SoundEncoder(folder);
            LatentSize = _vae.LatentSize;
            ClipLength = _vae.OutputLength;
            SampleRate = _vae.SampleRate;
        }
        else if (m.Kind == ModelKind.SoundGan)
        {
            _gan = new SoundGanGenerator(folder, finishing);
            LatentSize = _gan.LatentSize;
            ClipLength = _gan.OutputLength;
            SampleRate = _gan.SampleRate;
        }
        else throw new ArgumentException($"Model '{m.Name}' is a {m.Kind}; evaluate sound takes a sound VAE or sound GAN.");
        // A GAN's folder may hold one too (e.g. a narrower normal, the truncation trick), as `generate sound` reads it.
        Prior = Core.Numerics.LatentPrior.LoadFrom(folder.Path);
        PitchConditioned = m.Conditioning?.PitchMin is not null;
    }

    public int LatentSize { get; }

    /// <summary>The VAE's fitted prior (latent-prior.json), or null: random samples are then N(0, I).</summary>
    public Core.Numerics.LatentPrior? Prior { get; }

    /// <summary>
    /// Random latent <paramref name="seed"/> to be decoded with <paramref name="labels"/>' conditions: from the fitted
    /// prior when the folder has one (matched to the clip's pitch when the prior knows pitches), else N(0, I).
    /// </summary>
    public float[] RandomLatent(int seed, IReadOnlyDictionary<string, string> labels) =>
        Core.Numerics.LatentPrior.SampleOrStandard(Prior, seed, LatentSize, PitchConditioned ? ParsePitch(labels) : null);

    /// <summary>Samples of a finished clip (at <see cref="SampleRate"/>, 48 kHz).</summary>
    public int ClipLength { get; }

    /// <summary>True for a VAE, whose reconstructions are reported beside its random samples.</summary>
    public bool CanReconstruct => _encoder is not null;

    /// <summary>A VAE's reconstruction of a real clip: encoder μ, decoded with the clip's pitch.</summary>
    public float[] Reconstruct(Core.Audio.AudioClip clip, IReadOnlyDictionary<string, string> labels)
    {
        if (_encoder is null || _vae is null) throw new InvalidOperationException("only a VAE reconstructs.");
        return _vae.Decode(_encoder.Encode(clip), PitchConditioned ? ParsePitch(labels) : null);
    }

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

using GenWorld.Training.Gan;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenWorld.Training.SoundGan;

/// <summary>
/// Conditional discriminator over the representation [N, 2, Frames, Bins] (or its log-magnitude alone, see
/// <see cref="InputChannels"/>): five spectrally normalised stride-2
/// convolutions, minibatch-std, a 3×3 head, then the feature map is flattened (not pooled: where the energy sits in
/// frequency is what pitch is). Output [N, 1 + P]: column 0 is the adversarial logit of a projection discriminator
/// (Miyato &amp; Koyama 2018: ψ(h) + ⟨E·y, h⟩ with y the condition one-hots), the rest are auxiliary pitch-class
/// logits (AC-GAN, as GANSynth) that teach the generator to honour the requested pitch. Never exported.
/// </summary>
public sealed class SoundDiscriminator : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Sequential _features;
    private readonly MinibatchStdDev _batchStd;
    private readonly Sequential _head;
    private readonly SpectralNorm _critic;
    private readonly SpectralNorm? _projection;
    private readonly Linear? _pitch;

    /// <summary>Builds the discriminator for <paramref name="config"/>.</summary>
    public SoundDiscriminator(SoundGanConfig config) : base(nameof(SoundDiscriminator))
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config;
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        int c = InputChannels(config);
        for (int i = 0; i < 5; i++)
        {
            int next = config.DiscriminatorChannels << i;
            layers.Add(($"conv{i}", new SpectralNorm(nn.Conv2d(c, next, 4, stride: 2, padding: 1))));
            layers.Add(($"act{i}", nn.SiLU()));
            c = next;
        }
        _features = nn.Sequential(layers);
        _batchStd = new MinibatchStdDev();
        _head = nn.Sequential(
            ("conv", new SpectralNorm(nn.Conv2d(c + 1, c, 3, padding: 1))),
            ("act", nn.SiLU()),
            ("flatten", nn.Flatten()));
        long features = (long)c * (config.Frames >> 5) * (config.Bins >> 5);
        _critic = new SpectralNorm(nn.Linear(features, 1));
        if (config.ConditionSize > 0) _projection = new SpectralNorm(nn.Linear(config.ConditionSize, features, hasBias: false));
        if (config.PitchClasses > 0) _pitch = nn.Linear(features, config.PitchClasses);
        RegisterComponents();
    }

    /// <summary>
    /// Channels it judges: log-magnitude and IF, or only the log-magnitude behind a harmonic generator, whose IF is
    /// fixed by the pitch (judging it would teach the discriminator a tell the generator cannot change).
    /// </summary>
    public static int InputChannels(SoundGanConfig config) => config?.Generator == SoundGeneratorKind.Harmonic ? 1 : 2;

    /// <summary>The shape this discriminator was built for.</summary>
    public SoundGanConfig Config { get; }

    /// <summary>Representation [N, 2, F, B] and condition one-hots [N, P + F] → [N, 1 + P] (adversarial logit, pitch logits).</summary>
    public override Tensor forward(Tensor representation, Tensor condition)
    {
        ArgumentNullException.ThrowIfNull(representation);
        ArgumentNullException.ThrowIfNull(condition);
        if (representation.dim() != 4 || representation.shape[1] != 2 || representation.shape[2] != Config.Frames || representation.shape[3] != Config.Bins)
            throw new ArgumentException($"Representation must be [N, 2, {Config.Frames}, {Config.Bins}], got [{string.Join(", ", representation.shape)}].", nameof(representation));
        if (condition.dim() != 2 || condition.shape[0] != representation.shape[0] || condition.shape[1] != Config.ConditionSize)
            throw new ArgumentException($"Condition must be [N, {Config.ConditionSize}], got [{string.Join(", ", condition.shape)}].", nameof(condition));
        using var scope = NewDisposeScope();
        Tensor judged = InputChannels(Config) == 2 ? representation : representation.narrow(1, 0, 1);
        Tensor h = _head.forward(_batchStd.forward(_features.forward(judged)));
        Tensor logit = _critic.forward(h);
        if (_projection is not null) logit = logit + (_projection.forward(condition) * h).sum(1, keepdim: true);
        Tensor result = _pitch is null ? logit : cat([logit, _pitch.forward(h)], 1);
        return result.MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _features.Dispose();
            _batchStd.Dispose();
            _head.Dispose();
            _critic.Dispose();
            _projection?.Dispose();
            _pitch?.Dispose();
        }
        base.Dispose(disposing);
    }
}

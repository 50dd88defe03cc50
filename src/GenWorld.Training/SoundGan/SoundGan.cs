using System.Globalization;
using GenWorld.Core.Dsp;
using GenWorld.Training.Data;
using GenWorld.Training.Gan;
using GenWorld.Training.Runs;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenWorld.Training.SoundGan;

/// <summary>
/// Trains the conditional sound GAN under <see cref="TrainingRun"/>: non-saturating loss on a projection
/// discriminator with spectral norm and minibatch-std, an auxiliary pitch classifier for both networks, lazy R1 on
/// real clips, Adam (β1 = 0, β2 = 0.99), an EMA generator, and a divergence guard that turns a runaway step into a
/// rollback. Generated clips get the conditions of randomly drawn training clips, so pitch and family are sampled
/// from their joint distribution in the data. Every <see cref="HeldOutSplit.DefaultEvery"/>-th clip is held out.
/// </summary>
public sealed partial class SoundGan : ITrainable
{
    /// <summary>Checkpoint kind.</summary>
    public const string KindName = "sound-gan";

    private readonly SoundGanConfig _config;
    private readonly SpectralRepresentation _representation;
    private readonly PreparedClip[] _train;
    private readonly PreparedClip[] _heldOut;
    private readonly SoundGanCondition[] _trainConditions;
    private readonly Adam _generatorOptimizer, _discriminatorOptimizer;
    private readonly DivergenceGuard _guard = new();
    private float[] _batchBuffer = [];

    // Held for the trainer's lifetime: a temporary Scalar from an implicit conversion can be finalised while native
    // code still reads it (the sound VAE crashed that way on a long run).
    private readonly Scalar _pitchWeight, _r1Every;

    /// <summary>Validates, then builds the networks (call inside <see cref="TrainingRun.Execute"/> so the seed applies).</summary>
    public SoundGan(SoundGanConfig config, SpectralRepresentation representation, IReadOnlyList<PreparedClip> clips, string datasetVersion = "", string licence = "")
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(representation);
        ArgumentNullException.ThrowIfNull(clips);
        var errors = config.Validate().ToList();
        if (config.Frames != representation.Frames || config.Bins != representation.Bins)
            errors.Add($"config: {config.Frames}×{config.Bins} does not match the representation's {representation.Frames}×{representation.Bins}.");
        if (config.Generator == SoundGeneratorKind.Harmonic && config.PitchClasses == 0)
            errors.Add("generator: the harmonic generator renders at the requested pitch, so every clip needs a pitch label (use --generator spectrogram).");
        if (config.Generator == SoundGeneratorKind.Auto) errors.Add("config: generator must be resolved to harmonic or spectrogram (SoundGan.ConfigFor does it).");
        if (config.Hop != representation.Hop || config.SampleRate != representation.SampleRate || config.Bins * 2 != representation.FftSize)
            errors.Add($"config: hop {config.Hop}, rate {config.SampleRate} Hz, FFT {config.Bins * 2} do not match the representation's {representation.Hop}, {representation.SampleRate} Hz, {representation.FftSize}.");
        if (clips.Count < 2) errors.Add($"dataset: needs at least 2 clips (one held out), got {clips.Count}.");
        SoundGanCondition[] conditions = [];
        if (errors.Count == 0)
        {
            try { conditions = [.. clips.Select(c => ConditionOf(config, c))]; }
            catch (InvalidDataException e) { errors.Add(e.Message); }
        }
        if (errors.Count > 0) throw new ArgumentException("Cannot train the sound GAN: " + string.Join(" ", errors));
        _config = config;
        _representation = representation;
        bool[] held = [.. clips.Select((_, i) => HeldOutSplit.IsHeldOut(i, clips.Count))];
        _train = [.. clips.Where((_, i) => !held[i])];
        _heldOut = [.. clips.Where((_, i) => held[i])];
        _trainConditions = [.. conditions.Where((_, i) => !held[i])];
        Networks = new SoundGanModules(config);
        _generatorOptimizer = optim.Adam(Networks.Generator.parameters(), config.LearningRate, beta1: 0.0, beta2: 0.99);
        _discriminatorOptimizer = optim.Adam(Networks.Discriminator.parameters(), config.LearningRate, beta1: 0.0, beta2: 0.99);
        _pitchWeight = config.PitchLossWeight;
        _r1Every = config.R1Every;
        var values = new Dictionary<string, string>(config.ToDictionary())
        {
            ["representation"] = representation.Name,
            ["clipLength"] = representation.ClipLength.ToString(CultureInfo.InvariantCulture),
            ["sampleRate"] = representation.SampleRate.ToString(CultureInfo.InvariantCulture),
            ["dataset"] = datasetVersion,
            ["licence"] = licence,
        };
        Config = values;
    }

    /// <summary>
    /// The model shape for a dataset: pitch one-hot over the labelled MIDI range (when every clip has a pitch) and a
    /// one-hot over the sorted distinct values of <paramref name="labelKey"/> (when every clip has that label), and the
    /// generator: <see cref="SoundGeneratorKind.Auto"/> becomes harmonic for a pitched dataset, else spectrogram.
    /// </summary>
    public static SoundGanConfig ConfigFor(IReadOnlyList<PreparedClip> clips, SpectralRepresentation representation, SoundGanConfig? settings = null, string labelKey = "family")
    {
        ArgumentNullException.ThrowIfNull(clips);
        ArgumentNullException.ThrowIfNull(representation);
        settings ??= new SoundGanConfig();
        bool pitched = clips.Count > 0 && clips.All(c => c.Pitch.HasValue);
        int lo = pitched ? clips.Min(c => c.Pitch!.Value) : 0, hi = pitched ? clips.Max(c => c.Pitch!.Value) : -1;
        bool labelled = clips.Count > 0 && clips.All(c => c.Labels?.ContainsKey(labelKey) == true);
        string[] names = labelled ? [.. clips.Select(c => c.Labels![labelKey]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)] : [];
        SoundGeneratorKind generator = settings.Generator == SoundGeneratorKind.Auto
            ? (pitched ? SoundGeneratorKind.Harmonic : SoundGeneratorKind.Spectrogram)
            : settings.Generator;
        return settings with
        {
            Generator = generator, Hop = representation.Hop, SampleRate = representation.SampleRate,
            Frames = representation.Frames, Bins = representation.Bins, PitchMin = lo, PitchClasses = hi - lo + 1,
            LabelKey = labelKey, LabelNames = names,
        };
    }

    /// <summary>The condition of a clip under <paramref name="config"/>; throws naming the clip when a label is missing or unknown.</summary>
    public static SoundGanCondition ConditionOf(SoundGanConfig config, PreparedClip clip)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(clip);
        int? pitch = null, label = null;
        if (config.PitchClasses > 0)
        {
            if (clip.Pitch is not int p || p < config.PitchMin || p >= config.PitchMin + config.PitchClasses)
                throw new InvalidDataException($"dataset: clip {clip.Id} has pitch {clip.Pitch?.ToString(CultureInfo.InvariantCulture) ?? "(none)"}, outside the model's [{config.PitchMin}, {config.PitchMin + config.PitchClasses - 1}].");
            pitch = p;
        }
        if (config.LabelNames.Count > 0)
        {
            string? name = clip.Labels?.GetValueOrDefault(config.LabelKey);
            int index = name is null ? -1 : config.LabelNames.ToList().IndexOf(name);
            if (index < 0) throw new InvalidDataException($"dataset: clip {clip.Id} has {config.LabelKey} '{name ?? "(none)"}', not one of the model's {config.LabelNames.Count} labels.");
            label = index;
        }
        return new SoundGanCondition(pitch, label);
    }

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Config { get; }

    /// <summary>The model's shape and settings.</summary>
    public SoundGanConfig ModelConfig => _config;

    /// <summary>The networks (live generator, discriminator, EMA).</summary>
    public SoundGanModules Networks { get; }

    /// <inheritdoc />
    public nn.Module Module => Networks;

    /// <inheritdoc />
    public IReadOnlyList<OptimizerHelper> Optimizers => [_generatorOptimizer, _discriminatorOptimizer];

    /// <summary>Held-out clip count.</summary>
    public int HeldOutCount => _heldOut.Length;

    /// <summary>Why the last step was turned into a rollback, or null.</summary>
    public string? DivergenceReason => _guard.Reason;

    /// <summary>[z | one-hots] for the given conditions, z ~ N(0, I) from <paramref name="noise"/>.</summary>
    public Tensor GeneratorInput(IReadOnlyList<SoundGanCondition> conditions, torch.Generator? noise = null)
    {
        using var scope = NewDisposeScope();
        Tensor z = randn([conditions.Count, _config.LatentSize], generator: noise);
        return cat([z, SoundGanCondition.OneHot(_config, conditions)], 1).MoveToOuterDisposeScope();
    }

    private Tensor Batch(IReadOnlyList<PreparedClip> clips)
    {
        int size = _representation.Size;
        // One reused buffer: a fresh 4 MB array per step would force a full GC every few steps.
        if (_batchBuffer.Length != clips.Count * size) _batchBuffer = new float[clips.Count * size];
        for (int i = 0; i < clips.Count; i++) clips[i].Representation.CopyTo(_batchBuffer, i * size);
        return tensor(_batchBuffer).reshape(clips.Count, 2, _representation.Frames, _representation.Bins);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _pitchWeight.Dispose();
        _r1Every.Dispose();
        _generatorOptimizer.Dispose();
        _discriminatorOptimizer.Dispose();
        Networks.Dispose();
    }
}

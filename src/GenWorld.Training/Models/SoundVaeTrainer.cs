using System.Globalization;
using GenWorld.Core.Dsp;
using GenWorld.Training.Data;
using GenWorld.Training.Runs;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenWorld.Training.Models;

/// <summary>
/// Trains a <see cref="SoundVae"/>: loss = MSE(log-mag) + w·MSE(IF) + β(t)·KL/values-per-clip, β warmed up linearly.
/// Every <see cref="SoundVaeTrainingOptions.HeldOutEvery"/>-th clip is held out for the ELBO and spectral-distance report.
/// </summary>
public sealed partial class SoundVaeTrainer : ITrainable
{
    private readonly SoundVaeTrainingOptions _options;
    private readonly SpectralRepresentation _representation;
    private readonly PreparedClip[] _train;
    private readonly PreparedClip[] _heldOut;
    private readonly Adam _adam;
    private readonly Dictionary<string, string> _config;
    private float[] _batchBuffer = [];

    // Scalars held for the trainer's lifetime: temporaries made by implicit double → Scalar conversion can be
    // finalised while native code still reads them (seen as a crash in Scalar::toFloat on a long run).
    private readonly Scalar _half = 0.5, _one = 1, _minLogVar = -12, _maxLogVar = 8, _ifWeight;

    /// <summary>Validates, then builds the model (call inside <see cref="TrainingRun.Execute"/> so the seed applies).</summary>
    public SoundVaeTrainer(SoundVaeConfig config, SoundVaeTrainingOptions options, SpectralRepresentation representation,
        IReadOnlyList<PreparedClip> clips, string datasetVersion = "", string licence = "")
    {
        var errors = options.Validate().Concat(config.Validate()).ToList();
        if (config.Frames != representation.Frames || config.Bins != representation.Bins)
            errors.Add($"config: {config.Frames}×{config.Bins} does not match the representation's {representation.Frames}×{representation.Bins}.");
        if (clips.Count < 2) errors.Add($"dataset: needs at least 2 clips (one held out), got {clips.Count}.");
        if (config.PitchClasses > 0 && clips.FirstOrDefault(c => c.Pitch is null) is { } unlabelled)
            errors.Add($"dataset: pitch conditioning needs a pitch label on every clip; {unlabelled.Id} has none.");
        if (errors.Count > 0) throw new ArgumentException("Cannot train the sound VAE: " + string.Join(" ", errors));
        _options = options;
        _ifWeight = options.IfWeight;
        _representation = representation;
        _heldOut = [.. clips.Where((_, i) => HeldOutSplit.IsHeldOut(i, clips.Count, options.HeldOutEvery))];
        _train = [.. clips.Except(_heldOut)];
        Model = new SoundVae(config);
        _adam = optim.Adam(Model.parameters(), lr: options.LearningRate);
        _config = config.ToConfig();
        _config["representation"] = representation.Name;
        _config["clipLength"] = representation.ClipLength.ToString(CultureInfo.InvariantCulture);
        _config["sampleRate"] = representation.SampleRate.ToString(CultureInfo.InvariantCulture);
        _config["dataset"] = datasetVersion;
        _config["licence"] = licence;
        _config["batchSize"] = options.BatchSize.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Chooses the model shape for a dataset: pitch one-hot over the labelled MIDI range when asked.</summary>
    public static SoundVaeConfig ConfigFor(SpectralRepresentation representation, IReadOnlyList<PreparedClip> clips, int latentSize = 16, int channels = 16, bool conditionOnPitch = true)
    {
        var pitches = clips.Select(c => c.Pitch).ToList();
        bool pitched = conditionOnPitch && pitches.Count > 0 && pitches.All(p => p.HasValue);
        int lo = pitched ? pitches.Min()!.Value : 0, hi = pitched ? pitches.Max()!.Value : -1;
        return new SoundVaeConfig(representation.Frames, representation.Bins, latentSize, channels, 4, lo, hi - lo + 1);
    }

    /// <summary>The model being trained.</summary>
    public SoundVae Model { get; }

    /// <inheritdoc />
    public string Kind => "sound-vae";

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Config => _config;

    /// <inheritdoc />
    public TorchSharp.torch.nn.Module Module => Model;

    /// <inheritdoc />
    public IReadOnlyList<OptimizerHelper> Optimizers => [_adam];

    /// <summary>Held-out clip count.</summary>
    public int HeldOutCount => _heldOut.Length;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Step(long step, RunRandom random)
    {
        Model.train();
        PreparedClip[] batch = [.. Enumerable.Range(0, _options.BatchSize).Select(_ => _train[random.Next(_train.Length)])];
        double beta = _options.BetaWarmupSteps == 0 ? _options.Beta : _options.Beta * Math.Min(1, (double)step / _options.BetaWarmupSteps);
        var (mag, iff, kl, _) = Losses(batch, sample: true);
        using Scalar klWeight = beta / _representation.Size;
        Tensor loss = mag.add(iff.mul(_ifWeight)).add(kl.mul(klWeight));
        _adam.zero_grad();
        loss.backward();
        _adam.step();
        return new Dictionary<string, double>
        {
            ["loss"] = loss.item<float>(), ["logMagMse"] = mag.item<float>(), ["ifMse"] = iff.item<float>(), ["klNats"] = kl.item<float>(),
        };
    }

    /// <summary>Mean log-mag MSE, IF MSE, KL (nats per clip) and the reconstruction, for a batch.</summary>
    private (Tensor Mag, Tensor If, Tensor Kl, Tensor Reconstruction) Losses(PreparedClip[] batch, bool sample)
    {
        Tensor x = Batch(batch);
        Tensor stats = Model.Encoder.forward(x);
        int l = Model.Config.LatentSize;
        Tensor mu = stats[.., ..l], logVar = stats[.., l..].clamp(_minLogVar, _maxLogVar);
        Tensor z = sample ? mu.add(logVar.mul(_half).exp().mul(randn_like(mu))) : mu;
        Tensor y = Model.Decode(z, Pitches(batch));
        Tensor mag = nn.functional.mse_loss(y[.., 0], x[.., 0]);
        Tensor iff = nn.functional.mse_loss(y[.., 1], x[.., 1]);
        Tensor kl = logVar.add(_one).sub(mu.square()).sub(logVar.exp()).sum(1).mean().mul(_half).neg();
        return (mag, iff, kl, y);
    }

    private Tensor Batch(PreparedClip[] clips)
    {
        int size = _representation.Size;
        // One reused buffer: a fresh 4 MB array per step would force a full GC every few steps.
        if (_batchBuffer.Length != clips.Length * size) _batchBuffer = new float[clips.Length * size];
        for (int i = 0; i < clips.Length; i++) clips[i].Representation.CopyTo(_batchBuffer, i * size);
        return tensor(_batchBuffer).reshape(clips.Length, 2, _representation.Frames, _representation.Bins);
    }

    private long[]? Pitches(PreparedClip[] clips) =>
        Model.Config.PitchClasses == 0 ? null : [.. clips.Select(c => (long)c.Pitch!.Value)];

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (Scalar s in new[] { _half, _one, _minLogVar, _maxLogVar, _ifWeight }) s.Dispose();
        _adam.Dispose();
        Model.Dispose();
    }
}

using System.Globalization;
using GenWorld.Core.Audio;
using GenWorld.Training.Data;
using GenWorld.Training.Runs;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenWorld.Training.Synth;

/// <summary>Everything a full-band VAE checkpoint holds: the VAE and the critic of its adversarial stage.</summary>
public sealed class SynthVaeModules : nn.Module
{
    /// <summary>Builds both networks.</summary>
    public SynthVaeModules(SynthVae vae, SpectralFrameDiscriminator critic) : base(nameof(SynthVaeModules))
    {
        Vae = vae;
        Critic = critic;
        RegisterComponents();
    }

    /// <summary>The VAE.</summary>
    public SynthVae Vae { get; }

    /// <summary>The critic.</summary>
    public SpectralFrameDiscriminator Critic { get; }
}

/// <summary>
/// Trains a <see cref="SynthVae"/> as RAVE does: first a VAE under the multi-resolution STFT loss + β·KL (β warmed up),
/// then from <see cref="SynthVaeTrainingOptions.AdversarialAfter"/> the minimax game refines the decoder with the
/// encoder frozen: least-squares critic <see cref="SpectralFrameDiscriminator"/>, generator loss = spectral loss +
/// adversarial + feature matching. Each step renders one hop-aligned window of every clip (a third of them at the
/// onset) from controls computed for the whole clip. Every <see cref="SynthVaeTrainingOptions.HeldOutEvery"/>-th clip is held out.
/// </summary>
public sealed class SynthVaeTrainer : ITrainable
{
    private readonly SynthVaeTrainingOptions _options;
    private readonly SynthClip[] _train, _heldOut;
    private readonly Adam _adam, _criticAdam;
    private readonly Dictionary<string, string> _config;
    private readonly MultiResolutionStftLoss _loss = new();
    private readonly ClipAugmentation? _augmentation;
    private readonly Scalar _half = 0.5, _one = 1, _minLogVar = -12, _maxLogVar = 8;

    /// <summary>Validates, then builds the model (call inside <see cref="TrainingRun.Execute"/> so the seed applies).</summary>
    public SynthVaeTrainer(SynthConfig synth, int latentSize, SynthVaeTrainingOptions options, IReadOnlyList<SynthClip> clips, string datasetVersion = "", string licence = "")
    {
        ArgumentNullException.ThrowIfNull(synth);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clips);
        var errors = options.Validate().Concat(synth.Validate()).ToList();
        if (latentSize is < 1 or > 512) errors.Add($"latentSize: must be 1..512, got {latentSize}.");
        if (clips.Count < 2) errors.Add($"dataset: needs at least 2 clips (one held out), got {clips.Count}.");
        if (options.CropFrames > synth.Frames) errors.Add($"cropFrames: {options.CropFrames} exceeds the clip's {synth.Frames} frames.");
        bool pitched = synth.Harmonics > 0;
        if (pitched && clips.FirstOrDefault(c => c.Pitch is null) is { } unlabelled)
            errors.Add($"dataset: a decoder with partials needs a pitch label on every clip; {unlabelled.Id} has none (use --harmonics 0 for unpitched sounds).");
        if (errors.Count > 0) throw new ArgumentException("Cannot train the full-band sound VAE: " + string.Join(" ", errors));
        _options = options;
        _heldOut = [.. clips.Where((_, i) => HeldOutSplit.IsHeldOut(i, clips.Count, options.HeldOutEvery))];
        _train = [.. clips.Except(_heldOut)];
        int lo = pitched ? clips.Min(c => c.Pitch!.Value) : 0, hi = pitched ? clips.Max(c => c.Pitch!.Value) : -1;
        Modules = new SynthVaeModules(new SynthVae(synth, latentSize, lo, hi - lo + 1), new SpectralFrameDiscriminator());
        _adam = optim.Adam(Model.parameters(), lr: options.LearningRate);
        _criticAdam = optim.Adam(Modules.Critic.parameters(), lr: 2e-4, beta1: 0.8, beta2: 0.99);
        _augmentation = options.Augment > 0 ? new ClipAugmentation(synth, pitched) : null;
        _config = Model.Decoder.Synth.ToConfig();
        _config["latentSize"] = latentSize.ToString(CultureInfo.InvariantCulture);
        _config["pitchMin"] = lo.ToString(CultureInfo.InvariantCulture);
        _config["pitchClasses"] = (hi - lo + 1).ToString(CultureInfo.InvariantCulture);
        _config["dataset"] = datasetVersion;
        _config["licence"] = licence;
        _config["batchSize"] = options.BatchSize.ToString(CultureInfo.InvariantCulture);
        _config["augment"] = options.Augment.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The VAE being trained.</summary>
    public SynthVae Model => Modules.Vae;

    /// <summary>The VAE and critic (the checkpointed module).</summary>
    public SynthVaeModules Modules { get; }

    /// <inheritdoc />
    public string Kind => "synth-vae";

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Config => _config;

    /// <inheritdoc />
    public nn.Module Module => Modules;

    /// <inheritdoc />
    public IReadOnlyList<OptimizerHelper> Optimizers => [_adam, _criticAdam];

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Step(long step, RunRandom random)
    {
        Model.train();
        using var scope = NewDisposeScope();
        SynthClip[] batch = [.. Enumerable.Range(0, _options.BatchSize).Select(_ => _train[random.Next(_train.Length)])];
        if (_augmentation is not null)
            for (int i = 0; i < batch.Length; i++)
                if (random.NextDouble() < _options.Augment) batch[i] = _augmentation.Apply(batch[i], random);
        SynthConfig c = Model.Decoder.Synth;
        int frames = _options.CropFrames;
        int start = random.NextDouble() < _options.OnsetCropShare ? 0 : random.Next(c.Frames - frames + 1) * c.Hop;
        int length = frames * c.Hop;
        bool adversarial = _options.AdversarialAfter > 0 && step >= _options.AdversarialAfter;

        Tensor stats;
        if (adversarial) { using (no_grad()) stats = Model.Encoder.forward(Spectrograms(batch)); }
        else stats = Model.Encoder.forward(Spectrograms(batch));
        int l = Model.LatentSize;
        Tensor mu = stats[.., ..l], logVar = stats[.., l..].clamp(_minLogVar, _maxLogVar);
        Tensor z = mu.add(logVar.mul(_half).exp().mul(randn_like(mu)));
        int[]? pitches = Pitches(batch);
        Tensor controls = Model.Decoder.forward(Model.DecoderInput(z, pitches));
        Tensor output = Model.Decoder.Render(controls, pitches, start, length);
        Tensor target = Waveforms(batch, start, length);
        Tensor spectral = _loss.Compute(output, target);
        Tensor kl = logVar.add(_one).sub(mu.square()).sub(logVar.exp()).sum(1).mean().mul(_half).neg();
        var result = new Dictionary<string, double>();
        Tensor loss;
        if (!adversarial)
        {
            double beta = _options.BetaWarmupSteps == 0 ? _options.Beta : _options.Beta * Math.Min(1, (double)step / _options.BetaWarmupSteps);
            // Scalars are disposed explicitly: a temporary from double → Scalar can be finalised while native code reads it.
            using Scalar betaScalar = beta;
            loss = spectral.add(kl.mul(betaScalar));
        }
        else
        {
            // Critic first, on a detached copy of the output; then the decoder against the updated critic.
            Tensor criticLoss = CriticLoss(output.detach(), target);
            _criticAdam.zero_grad();
            criticLoss.backward();
            _criticAdam.step();
            var fake = Modules.Critic.Features(output);
            List<List<Tensor>> real;
            using (no_grad()) real = Modules.Critic.Features(target);
            Tensor adv = zeros(1), matching = zeros(1);
            for (int r = 0; r < fake.Count; r++)
            {
                adv = adv.add(fake[r][^1].sub(_one).square().mean());
                for (int f = 0; f < fake[r].Count - 1; f++) matching = matching.add(fake[r][f].sub(real[r][f]).abs().mean());
            }
            using Scalar advWeight = _options.AdversarialWeight, fmWeight = _options.FeatureMatchingWeight, beta = _options.Beta;
            loss = spectral.add(adv.mul(advWeight)).add(matching.mul(fmWeight)).add(kl.mul(beta));
            result["critic"] = criticLoss.item<float>();
            result["adversarial"] = adv.item<float>();
            result["featureMatching"] = matching.item<float>();
        }
        _adam.zero_grad();
        loss.backward();
        _adam.step();
        result["loss"] = loss.item<float>();
        result["spectral"] = spectral.item<float>();
        result["klNats"] = kl.item<float>();
        return result;
    }

    private Tensor CriticLoss(Tensor fake, Tensor real)
    {
        var f = Modules.Critic.Features(fake);
        var r = Modules.Critic.Features(real);
        Tensor total = zeros(1);
        for (int i = 0; i < f.Count; i++) total = total.add(r[i][^1].sub(_one).square().mean()).add(f[i][^1].square().mean());
        return total.squeeze();
    }

    /// <summary>Encoder inputs [N, 1, 64, F].</summary>
    internal Tensor Spectrograms(IReadOnlyList<SynthClip> clips)
    {
        int size = clips[0].Spectrogram.Length;
        var buffer = new float[clips.Count * size];
        for (int i = 0; i < clips.Count; i++) clips[i].Spectrogram.CopyTo(buffer, i * size);
        return tensor(buffer, [clips.Count, 1, Core.Dsp.EncoderSpectrogram.Bands, Model.Decoder.Synth.Frames]);
    }

    private static Tensor Waveforms(IReadOnlyList<SynthClip> clips, int start, int length)
    {
        var buffer = new float[clips.Count * length];
        for (int i = 0; i < clips.Count; i++) Array.Copy(clips[i].Waveform, start, buffer, i * length, length);
        return tensor(buffer, [clips.Count, length]);
    }

    internal int[]? Pitches(IReadOnlyList<SynthClip> clips) =>
        Model.Decoder.PitchClasses == 0 ? null : [.. clips.Select(c => c.Pitch!.Value)];

    /// <summary>Whole clips decoded from μ (reconstructions), [N, ClipLength].</summary>
    internal float[][] Reconstruct(IReadOnlyList<SynthClip> clips)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Tensor mu = Model.Encoder.forward(Spectrograms(clips))[.., ..Model.LatentSize];
        return Decode(mu, Pitches(clips));
    }

    /// <summary>Whole clips decoded from latents and pitches.</summary>
    internal float[][] Decode(Tensor z, int[]? pitches)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Tensor controls = Model.Decoder.forward(Model.DecoderInput(z, pitches));
        Tensor audio = Model.Decoder.Render(controls, pitches, 0, Model.Decoder.Synth.ClipLength).contiguous();
        float[] flat = audio.data<float>().ToArray();
        int n = Model.Decoder.Synth.ClipLength;
        return [.. Enumerable.Range(0, (int)audio.shape[0]).Select(i => flat.AsSpan(i * n, n).ToArray())];
    }

    /// <inheritdoc />
    public void WritePreview(string dir, long step)
    {
        Model.eval();
        Directory.CreateDirectory(dir);
        SynthClip[] clips = [.. _heldOut.Take(4)];
        float[][] recon = Reconstruct(clips);
        int rate = Model.Decoder.Synth.SampleRate;
        for (int i = 0; i < clips.Length; i++)
        {
            WavFile.Write(Path.Combine(dir, $"real-{i}.wav"), new AudioClip(clips[i].Waveform, 1, rate));
            WavFile.Write(Path.Combine(dir, $"recon-{i}.wav"), new AudioClip(recon[i], 1, rate));
        }
        using var z = randn(clips.Length, Model.LatentSize);
        float[][] samples = Decode(z, Pitches(clips));
        for (int i = 0; i < samples.Length; i++) WavFile.Write(Path.Combine(dir, $"sample-{i}.wav"), new AudioClip(samples[i], 1, rate));
    }

    /// <inheritdoc />
    /// <remarks>Held-out multi-resolution STFT loss of whole-clip reconstructions from μ, beside silence's as a scale.</remarks>
    public IReadOnlyDictionary<string, double> Evaluate()
    {
        Model.eval();
        SynthClip[] clips = [.. _heldOut.Take(_options.MaxEvaluationClips)];
        double spectral = 0, silence = 0;
        foreach (SynthClip[] chunk in clips.Chunk(8))
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            float[][] recon = Reconstruct(chunk);
            Tensor output = tensor(recon.SelectMany(r => r).ToArray(), [chunk.Length, Model.Decoder.Synth.ClipLength]);
            Tensor target = Waveforms(chunk, 0, Model.Decoder.Synth.ClipLength);
            spectral += _loss.Compute(output, target).item<float>() * chunk.Length;
            silence += _loss.Compute(zeros_like(target), target).item<float>() * chunk.Length;
        }
        return new Dictionary<string, double>
        {
            ["heldOutClips"] = clips.Length, ["heldOutSpectralLoss"] = spectral / clips.Length,
            ["silenceSpectralLoss"] = silence / clips.Length, ["trainClips"] = _train.Length,
        };
    }

    /// <inheritdoc />
    /// <remarks>The held-out spectral loss of <see cref="Evaluate"/> (reconstructions from μ: no random draw).</remarks>
    public double? HeldOutLoss() => _heldOut.Length == 0 ? null : Evaluate()["heldOutSpectralLoss"];

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (Scalar s in new[] { _half, _one, _minLogVar, _maxLogVar }) s.Dispose();
        _loss.Dispose();
        _adam.Dispose();
        _criticAdam.Dispose();
        Modules.Dispose();
    }
}

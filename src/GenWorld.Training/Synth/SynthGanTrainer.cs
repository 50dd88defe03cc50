using System.Globalization;
using GenWorld.Core.Audio;
using GenWorld.Training.Runs;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenWorld.Training.Synth;

/// <summary>Everything a full-band GAN checkpoint holds: generator and conditional critic.</summary>
public sealed class SynthGanModules : nn.Module
{
    /// <summary>Holds both networks.</summary>
    public SynthGanModules(SynthGanGenerator generator, SpectralFrameDiscriminator critic) : base(nameof(SynthGanModules))
    {
        Generator = generator;
        Critic = critic;
        RegisterComponents();
    }

    /// <summary>The generator.</summary>
    public SynthGanGenerator Generator { get; }

    /// <summary>The critic.</summary>
    public SpectralFrameDiscriminator Critic { get; }
}

/// <summary>
/// Trains the conditional full-band sound GAN: the generator (<see cref="SynthGanGenerator"/>) starts from a trained
/// full-band VAE's decoder, and the least-squares minimax game against a projection critic conditioned on pitch and
/// family (<see cref="SpectralFrameDiscriminator"/>) refines it, with mean feature matching (Salimans et al.: the
/// generated batch's average critic features pulled to the real batch's) to keep the game steady on this budget.
/// Each step scores one hop-aligned window of real and generated notes of the same pitches and families.
/// </summary>
public sealed class SynthGanTrainer : ITrainable
{
    private readonly SynthClip[] _train, _heldOut;
    private readonly string[] _labels;
    private readonly int _batch, _cropFrames;
    private readonly double _featureMatching;
    private readonly Adam _generatorAdam, _criticAdam;
    private readonly Dictionary<string, string> _config;
    private readonly Scalar _one = 1;

    /// <summary>A trainer whose generator wraps <paramref name="decoder"/> (taken over: disposed with the trainer).</summary>
    public SynthGanTrainer(SynthDecoder decoder, IReadOnlyList<SynthClip> clips, IReadOnlyList<string> labels, int noiseSize = 64, int batch = 8,
        int cropFrames = 40, double learningRate = 2e-4, double featureMatching = 1.0, string datasetVersion = "", string licence = "", string baseModel = "")
    {
        ArgumentNullException.ThrowIfNull(decoder);
        ArgumentNullException.ThrowIfNull(clips);
        ArgumentNullException.ThrowIfNull(labels);
        if (decoder.PitchClasses == 0) throw new ArgumentException("the GAN needs a pitch-conditioned decoder.", nameof(decoder));
        if (clips.FirstOrDefault(c => c.Pitch is null || !c.Labels.ContainsKey("family")) is { } bad)
            throw new ArgumentException($"dataset: the GAN needs pitch and family labels on every clip; {bad.Id} lacks one.", nameof(clips));
        _labels = [.. labels];
        _batch = batch;
        _cropFrames = cropFrames;
        _featureMatching = featureMatching;
        _heldOut = [.. clips.Where((_, i) => Data.HeldOutSplit.IsHeldOut(i, clips.Count))];
        _train = [.. clips.Except(_heldOut)];
        Modules = new SynthGanModules(new SynthGanGenerator(decoder, noiseSize, _labels.Length), new SpectralFrameDiscriminator(64, decoder.PitchClasses + _labels.Length));
        _generatorAdam = optim.Adam(Modules.Generator.parameters(), lr: learningRate, beta1: 0.5, beta2: 0.99);
        _criticAdam = optim.Adam(Modules.Critic.parameters(), lr: learningRate, beta1: 0.5, beta2: 0.99);
        _config = decoder.Synth.ToConfig();
        _config["latentSize"] = decoder.LatentSize.ToString(CultureInfo.InvariantCulture);
        _config["noiseSize"] = noiseSize.ToString(CultureInfo.InvariantCulture);
        _config["pitchMin"] = decoder.PitchMin.ToString(CultureInfo.InvariantCulture);
        _config["pitchClasses"] = decoder.PitchClasses.ToString(CultureInfo.InvariantCulture);
        _config["labels"] = string.Join(",", _labels);
        _config["dataset"] = datasetVersion;
        _config["licence"] = licence;
        _config["baseModel"] = baseModel;
    }

    /// <summary>Generator and critic.</summary>
    public SynthGanModules Modules { get; }

    /// <inheritdoc />
    public string Kind => "synth-gan";

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Config => _config;

    /// <inheritdoc />
    public nn.Module Module => Modules;

    /// <inheritdoc />
    public IReadOnlyList<OptimizerHelper> Optimizers => [_generatorAdam, _criticAdam];

    /// <summary>[z | pitch one-hot | family one-hot] for clips' conditions with fresh noise.</summary>
    internal Tensor Input(IReadOnlyList<(int Pitch, string Family)> conditions, Tensor z) => cat([z, Condition(conditions)], 1);

    private Tensor Condition(IReadOnlyList<(int Pitch, string Family)> conditions)
    {
        SynthDecoder d = Modules.Generator.Decoder;
        var values = new float[conditions.Count * (d.PitchClasses + _labels.Length)];
        int width = d.PitchClasses + _labels.Length;
        for (int i = 0; i < conditions.Count; i++)
        {
            values[i * width + conditions[i].Pitch - d.PitchMin] = 1;
            int family = Array.IndexOf(_labels, conditions[i].Family);
            if (family >= 0) values[i * width + d.PitchClasses + family] = 1;
        }
        return tensor(values, [conditions.Count, width]);
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Step(long step, RunRandom random)
    {
        Modules.train();
        using var scope = NewDisposeScope();
        SynthClip[] batch = [.. Enumerable.Range(0, _batch).Select(_ => _train[random.Next(_train.Length)])];
        SynthDecoder d = Modules.Generator.Decoder;
        int start = random.NextDouble() < 0.35 ? 0 : random.Next(d.Synth.Frames - _cropFrames + 1) * d.Synth.Hop, length = _cropFrames * d.Synth.Hop;
        var conditions = batch.Select(c => (c.Pitch!.Value, c.Labels["family"])).ToList();
        Tensor condition = Condition(conditions);
        int[] pitches = [.. batch.Select(c => c.Pitch!.Value)];
        Tensor real = tensor(batch.SelectMany(c => c.Waveform.AsSpan(start, length).ToArray()).ToArray(), [batch.Length, length]);
        Tensor fake = d.Render(Modules.Generator.forward(cat([randn(batch.Length, Modules.Generator.NoiseSize), condition], 1)), pitches, start, length);

        // Critic: least squares, real → 1, generated → 0.
        var realFeatures = Modules.Critic.Features(real, condition);
        var fakeDetached = Modules.Critic.Features(fake.detach(), condition);
        Tensor criticLoss = zeros(1);
        for (int r = 0; r < realFeatures.Count; r++)
            criticLoss = criticLoss.add(realFeatures[r][^1].sub(_one).square().mean()).add(fakeDetached[r][^1].square().mean());
        _criticAdam.zero_grad();
        criticLoss.backward();
        _criticAdam.step();

        // Generator: least squares towards 1, plus the batch-mean feature matching.
        var fakeFeatures = Modules.Critic.Features(fake, condition);
        Tensor adversarial = zeros(1), matching = zeros(1);
        for (int r = 0; r < fakeFeatures.Count; r++)
        {
            adversarial = adversarial.add(fakeFeatures[r][^1].sub(_one).square().mean());
            for (int f = 0; f < fakeFeatures[r].Count - 1; f++)
                matching = matching.add(fakeFeatures[r][f].mean([0, 2]).sub(realFeatures[r][f].detach().mean([0, 2])).abs().mean());
        }
        using Scalar fmWeight = _featureMatching;
        Tensor loss = adversarial.add(matching.mul(fmWeight));
        _generatorAdam.zero_grad();
        loss.backward();
        _generatorAdam.step();
        return new Dictionary<string, double>
        {
            ["loss"] = loss.item<float>(), ["critic"] = criticLoss.item<float>(), ["adversarial"] = adversarial.item<float>(), ["featureMatching"] = matching.item<float>(),
        };
    }

    /// <summary>Whole generated clips for conditions (fixed noise from <paramref name="seed"/>).</summary>
    internal float[][] Generate(IReadOnlyList<(int Pitch, string Family)> conditions, long seed)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Modules.eval();
        var generator = new Generator().manual_seed(seed);
        Tensor z = randn([conditions.Count, Modules.Generator.NoiseSize], generator: generator);
        SynthDecoder d = Modules.Generator.Decoder;
        Tensor audio = d.Render(Modules.Generator.forward(Input(conditions, z)), [.. conditions.Select(c => c.Pitch)], 0, d.Synth.ClipLength).contiguous();
        float[] flat = audio.data<float>().ToArray();
        int n = d.Synth.ClipLength;
        return [.. Enumerable.Range(0, conditions.Count).Select(i => flat.AsSpan(i * n, n).ToArray())];
    }

    /// <inheritdoc />
    public void WritePreview(string dir, long step)
    {
        Directory.CreateDirectory(dir);
        SynthClip[] clips = [.. _heldOut.Take(4)];
        float[][] generated = Generate([.. clips.Select(c => (c.Pitch!.Value, c.Labels["family"]))], 7);
        int rate = Modules.Generator.Decoder.Synth.SampleRate;
        for (int i = 0; i < clips.Length; i++)
        {
            WavFile.Write(Path.Combine(dir, $"real-{i}.wav"), new AudioClip(clips[i].Waveform, 1, rate));
            WavFile.Write(Path.Combine(dir, $"generated-{i}.wav"), new AudioClip(generated[i], 1, rate));
        }
    }

    /// <inheritdoc />
    /// <remarks>The figures that judge the GAN (1-NN, Fréchet distance, pitch, NDB) come from `genworld evaluate sound` on the export.</remarks>
    public IReadOnlyDictionary<string, double> Evaluate() => new Dictionary<string, double> { ["trainClips"] = _train.Length, ["heldOutClips"] = _heldOut.Length };

    /// <inheritdoc />
    public void Dispose()
    {
        _one.Dispose();
        _generatorAdam.Dispose();
        _criticAdam.Dispose();
        Modules.Dispose();
    }
}

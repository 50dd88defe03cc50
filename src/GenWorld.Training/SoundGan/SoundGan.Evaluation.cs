using GenWorld.Content.Audio;
using GenWorld.Core.Audio;
using GenWorld.Training.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace GenWorld.Training.SoundGan;

/// <summary>Held-out figures and previews of <see cref="SoundGan"/>.</summary>
public sealed partial class SoundGan
{
    private const ulong PreviewSeed = 20261124;

    /// <summary>
    /// Preview conditions: up to 4 labels spread over the label list × 4 pitches spread over the pitch range
    /// (or just pitches / just labels when the model has only one kind of condition).
    /// </summary>
    public IReadOnlyList<SoundGanCondition> PreviewConditions()
    {
        int[] labels = _config.LabelNames.Count == 0 ? [-1] : [.. Spread(_config.LabelNames.Count, 4)];
        int[] pitches = _config.PitchClasses == 0 ? [-1] : [.. Spread(_config.PitchClasses, 4).Select(p => p + _config.PitchMin)];
        return [.. labels.SelectMany(l => pitches.Select(p => new SoundGanCondition(p < 0 ? null : p, l < 0 ? null : l)))];
    }

    /// <summary>EMA samples [N, 2, F, B] for a fixed seed and the given conditions.</summary>
    public Tensor Sample(IReadOnlyList<SoundGanCondition> conditions, ulong seed = PreviewSeed)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        using var noise = new torch.Generator(seed);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return Networks.Ema.forward(GeneratorInput(conditions, noise)).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    /// <remarks>spectrograms.png (EMA samples at the preview conditions) and grid.wav (the first 6, 0.25 s gaps).</remarks>
    public void WritePreview(string dir, long step)
    {
        Directory.CreateDirectory(dir);
        using var scope = NewDisposeScope();
        IReadOnlyList<SoundGanCondition> conditions = PreviewConditions();
        float[][] reps = Unbatch(Sample(conditions));
        int plane = _representation.Frames * _representation.Bins;
        SpectrogramSheet.Save([.. reps.Select(r => r[..plane])], _representation.Frames, _representation.Bins, 4, Path.Combine(dir, "spectrograms.png"));
        var grid = new List<float>();
        foreach (float[] rep in reps.Take(6))
        {
            float[] wave = _representation.Inverse(rep);
            float peak = Math.Max(1e-6f, wave.Max(MathF.Abs));
            grid.AddRange(wave.Select(v => 0.89f * v / peak));
            grid.AddRange(new float[_representation.SampleRate / 4]);
        }
        WavFile.Write(Path.Combine(dir, "grid.wav"), new AudioClip([.. grid], 1, _representation.SampleRate));
    }

    /// <inheritdoc />
    /// <remarks>
    /// Quick figures on up to 64 held-out clips: the discriminator's auxiliary pitch classifier on the real clips and on
    /// EMA samples with the same conditions (a cheap proxy for pitch accuracy; the YIN figure comes from
    /// <c>genworld evaluate sound</c> on the exported model), mean D(x) and D(G(z)), and parameter counts.
    /// </remarks>
    public IReadOnlyDictionary<string, double> Evaluate()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Networks.Discriminator.eval();
        PreparedClip[] clips = [.. _heldOut.Take(64)];
        double realCorrect = 0, fakeCorrect = 0, dReal = 0, dFake = 0;
        ulong seed = PreviewSeed + 1;
        foreach (PreparedClip[] chunk in clips.Chunk(16))
        {
            SoundGanCondition[] conditions = [.. chunk.Select(c => ConditionOf(_config, c))];
            Tensor condition = SoundGanCondition.OneHot(_config, conditions);
            Tensor realOut = Networks.Discriminator.forward(Batch(chunk), condition);
            Tensor fakeOut = Networks.Discriminator.forward(Sample(conditions, seed++), condition);
            dReal += realOut[.., 0].sigmoid().sum().item<float>();
            dFake += fakeOut[.., 0].sigmoid().sum().item<float>();
            if (_config.PitchClasses == 0) continue;
            Tensor target = SoundGanCondition.PitchIndices(_config, conditions);
            realCorrect += realOut[.., 1..].argmax(1).eq(target).sum().item<long>();
            fakeCorrect += fakeOut[.., 1..].argmax(1).eq(target).sum().item<long>();
        }
        Networks.Discriminator.train();
        int n = Math.Max(1, clips.Length);
        var metrics = new Dictionary<string, double>
        {
            ["heldOutClips"] = clips.Length, ["trainClips"] = _train.Length,
            ["heldOutDReal"] = dReal / n, ["heldOutDFake"] = dFake / n,
            ["generatorParameters"] = Networks.Generator.parameters().Sum(p => p.numel()),
            ["discriminatorParameters"] = Networks.Discriminator.parameters().Sum(p => p.numel()),
        };
        if (_config.PitchClasses > 0)
        {
            metrics["auxPitchAccuracyReal"] = realCorrect / n;
            metrics["auxPitchAccuracyGenerated"] = fakeCorrect / n;
        }
        return metrics;
    }

    private float[][] Unbatch(Tensor reps)
    {
        float[] flat = reps.contiguous().data<float>().ToArray();
        int size = _representation.Size;
        return [.. Enumerable.Range(0, (int)reps.shape[0]).Select(i => flat.AsSpan(i * size, size).ToArray())];
    }

    private static IEnumerable<int> Spread(int count, int k) =>
        Enumerable.Range(0, Math.Min(k, count)).Select(i => count <= k ? i : (int)Math.Round(i * (count - 1) / (double)(k - 1))).Distinct();
}

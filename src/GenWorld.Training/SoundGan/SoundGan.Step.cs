using GenWorld.Training.Data;
using GenWorld.Training.Gan;
using GenWorld.Training.Runs;
using TorchSharp;
using static TorchSharp.torch;

namespace GenWorld.Training.SoundGan;

/// <summary>One optimisation step of <see cref="SoundGan"/>.</summary>
public sealed partial class SoundGan
{
    /// <inheritdoc />
    /// <remarks>
    /// One generator forward per step: the discriminator learns on the detached fakes, then the generator is pushed
    /// through the updated discriminator with the same fakes (saves a third of the generator's cost on this CPU).
    /// </remarks>
    public IReadOnlyDictionary<string, double> Step(long step, RunRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        SoundGenerator generator = Networks.Generator;
        SoundDiscriminator discriminator = Networks.Discriminator;
        generator.train();
        discriminator.train();
        using var noise = new torch.Generator(random.NextUInt64());
        int n = _config.BatchSize;
        PreparedClip[] clips = [.. Enumerable.Range(0, n).Select(_ => _train[random.Next(_train.Length)])];
        SoundGanCondition[] realConditions = [.. clips.Select(c => ConditionOf(_config, c))];
        SoundGanCondition[] fakeConditions = [.. Enumerable.Range(0, n).Select(_ => _trainConditions[random.Next(_trainConditions.Length)])];
        Tensor real = Batch(clips);
        Tensor realCondition = SoundGanCondition.OneHot(_config, realConditions);
        Tensor fakeCondition = SoundGanCondition.OneHot(_config, fakeConditions);
        Tensor fake = generator.forward(cat([randn([n, _config.LatentSize], generator: noise), fakeCondition], 1));

        // Discriminator: real vs detached fakes, its pitch classifier on real clips, lazy R1 (scaled by its interval).
        bool r1 = step % _config.R1Every == 0 && _config.R1Gamma > 0;
        if (r1) real.requires_grad_(true);
        Tensor realOut = discriminator.forward(real, realCondition);
        Tensor fakeOut = discriminator.forward(fake.detach(), fakeCondition);
        Tensor realLogits = realOut[.., 0], fakeLogits = fakeOut[.., 0];
        Tensor dLoss = GanLosses.Discriminator(realLogits, fakeLogits);
        Tensor? realPitchLoss = PitchLoss(realOut, realConditions);
        Tensor dTotal = realPitchLoss is null ? dLoss : dLoss + realPitchLoss.mul(_pitchWeight);
        Tensor? r1Loss = r1 ? GanLosses.R1Penalty(real, realLogits, _config.R1Gamma) : null;
        if (r1Loss is not null) dTotal = dTotal + r1Loss.mul(_r1Every);
        _discriminatorOptimizer.zero_grad();
        dTotal.backward();
        double dGrad = GradientNorm.Of(discriminator);
        _discriminatorOptimizer.step();

        // Generator: the same fakes through the updated discriminator, asked to look real and to carry their pitch.
        Tensor gOut = discriminator.forward(fake, fakeCondition);
        Tensor gLoss = GanLosses.Generator(gOut[.., 0]);
        Tensor? fakePitchLoss = PitchLoss(gOut, fakeConditions);
        Tensor gTotal = fakePitchLoss is null ? gLoss : gLoss + fakePitchLoss.mul(_pitchWeight);
        _generatorOptimizer.zero_grad();
        gTotal.backward();
        double gGrad = GradientNorm.Of(generator);
        _generatorOptimizer.step();
        // Warm-up: early on the EMA follows closely, so short runs and first previews are not stuck near the init weights.
        GeneratorEma.Update(Networks.Ema, generator, Math.Min(_config.EmaDecay, (1.0 + step) / (10.0 + step)));

        double meanReal = realLogits.mean().item<float>(), meanFake = fakeLogits.mean().item<float>();
        double d = dLoss.item<float>(), g = gLoss.item<float>();
        var figures = new Dictionary<string, double>
        {
            ["loss"] = d + g,
            ["d_loss"] = d,
            ["g_loss"] = g,
            ["d_real"] = realLogits.sigmoid().mean().item<float>(),
            ["d_fake"] = fakeLogits.sigmoid().mean().item<float>(),
            ["grad_d"] = dGrad,
            ["grad_g"] = gGrad,
        };
        if (realPitchLoss is not null) figures["pitch_ce_real"] = realPitchLoss.item<float>();
        if (fakePitchLoss is not null) figures["pitch_ce_fake"] = fakePitchLoss.item<float>();
        if (r1Loss is not null) figures["r1"] = r1Loss.item<float>();
        if (_guard.Check(figures, meanReal, meanFake)) figures["loss"] = double.NaN;
        return figures;
    }

    /// <summary>Cross-entropy of the discriminator's pitch logits against the conditions' pitches; null when not pitch-conditioned.</summary>
    private Tensor? PitchLoss(Tensor output, SoundGanCondition[] conditions)
    {
        if (_config.PitchClasses == 0) return null;
        Tensor target = SoundGanCondition.PitchIndices(_config, conditions);
        return nn.functional.cross_entropy(output[.., 1..], target);
    }
}

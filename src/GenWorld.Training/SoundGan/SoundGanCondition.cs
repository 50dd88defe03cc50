using static TorchSharp.torch;

namespace GenWorld.Training.SoundGan;

/// <summary>
/// The condition of one clip: a MIDI pitch and a label index (e.g. the instrument family), either absent when the
/// model is not conditioned on it. <see cref="OneHot"/> is the single place where the [pitch one-hot | label one-hot]
/// layout is built, so generator input, discriminator projection and export agree.
/// </summary>
public readonly record struct SoundGanCondition(int? Pitch, int? Label)
{
    /// <summary>[N, P + F] one-hots for <paramref name="conditions"/>; values outside the config's ranges throw, naming them.</summary>
    public static Tensor OneHot(SoundGanConfig config, IReadOnlyList<SoundGanCondition> conditions)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(conditions);
        int width = config.ConditionSize;
        var data = new float[conditions.Count * width];
        for (int i = 0; i < conditions.Count; i++)
        {
            SoundGanCondition c = conditions[i];
            if (config.PitchClasses > 0)
            {
                if (c.Pitch is not int p || p < config.PitchMin || p >= config.PitchMin + config.PitchClasses)
                    throw new ArgumentOutOfRangeException(nameof(conditions), c.Pitch, $"condition {i}: pitch must be a MIDI number in [{config.PitchMin}, {config.PitchMin + config.PitchClasses - 1}].");
                data[i * width + p - config.PitchMin] = 1;
            }
            if (config.LabelNames.Count > 0)
            {
                if (c.Label is not int l || l < 0 || l >= config.LabelNames.Count)
                    throw new ArgumentOutOfRangeException(nameof(conditions), c.Label, $"condition {i}: label index must be in [0, {config.LabelNames.Count - 1}].");
                data[i * width + config.PitchClasses + l] = 1;
            }
        }
        return tensor(data, [conditions.Count, width]);
    }

    /// <summary>Pitch class indices (pitch − PitchMin) as int64 [N], for the auxiliary classifier.</summary>
    public static Tensor PitchIndices(SoundGanConfig config, IReadOnlyList<SoundGanCondition> conditions)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(conditions);
        return tensor(conditions.Select(c => (long)(c.Pitch ?? config.PitchMin) - config.PitchMin).ToArray());
    }
}

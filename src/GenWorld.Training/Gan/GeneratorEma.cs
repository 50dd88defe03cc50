using static TorchSharp.torch;

namespace GenWorld.Training.Gan;

/// <summary>
/// Exponential moving average of generator weights (Karras et al.; Yazıcı et al. 2019): the averaged copy gives
/// smoother, better samples than the live generator and is the one exported. Buffers are copied as they are.
/// </summary>
public static class GeneratorEma
{
    /// <summary>ema ← decay·ema + (1−decay)·live for every parameter; buffers copied. Both must share one architecture.</summary>
    public static void Update(nn.Module ema, nn.Module live, double decay)
    {
        ArgumentNullException.ThrowIfNull(ema);
        ArgumentNullException.ThrowIfNull(live);
        if (!(decay >= 0 && decay <= 1)) throw new ArgumentOutOfRangeException(nameof(decay), decay, "EMA decay must be in [0, 1].");
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        // Held for the whole update: an implicit double → Scalar/Tensor temporary could be finalised mid-call.
        using Tensor weight = tensor((float)(1 - decay));
        var emaParams = ema.named_parameters().ToList();
        var liveParams = live.named_parameters().ToList();
        if (emaParams.Count != liveParams.Count)
            throw new ArgumentException($"EMA has {emaParams.Count} parameters, the live generator {liveParams.Count}; architectures differ.", nameof(ema));
        for (int i = 0; i < emaParams.Count; i++)
        {
            if (emaParams[i].name != liveParams[i].name || !emaParams[i].parameter.shape.SequenceEqual(liveParams[i].parameter.shape))
                throw new ArgumentException($"EMA parameter {emaParams[i].name} does not match live {liveParams[i].name}.", nameof(ema));
            emaParams[i].parameter.lerp_(liveParams[i].parameter, weight);
        }
        var emaBuffers = ema.buffers().ToList();
        var liveBuffers = live.buffers().ToList();
        for (int i = 0; i < Math.Min(emaBuffers.Count, liveBuffers.Count); i++)
            emaBuffers[i].copy_(liveBuffers[i]);
    }

    /// <summary>Copies every parameter and buffer of <paramref name="live"/> into <paramref name="ema"/> (start of training).</summary>
    public static void CopyFrom(nn.Module ema, nn.Module live) => Update(ema, live, 0);
}

namespace GenWorld.Inference.Scheduling;

/// <summary>
/// A model that turns a batch of latent vectors (and optional conditioning) into content, one output row per latent.
/// The scheduler calls <see cref="Generate"/> from one worker thread; implementations need not be thread-safe.
/// </summary>
public interface IBatchGenerator : IDisposable
{
    /// <summary>Values per latent vector.</summary>
    int LatentSize { get; }

    /// <summary>Values per conditioning vector (a class one-hot, a style code); 0 when the model is unconditional.</summary>
    int ConditioningSize { get; }

    /// <summary>Values per output row (samples of a sound, pixels of a texture, flattened).</summary>
    int OutputLength { get; }

    /// <summary>Identifies the weights; part of every cache key, so two different models must never share it.</summary>
    string Version { get; }

    /// <summary>
    /// Generates one output per latent. <paramref name="conditioning"/> is empty for unconditional models,
    /// otherwise as long as <paramref name="latents"/>. Inputs are already validated (lengths, finite values).
    /// </summary>
    float[][] Generate(ReadOnlySpan<float[]> latents, ReadOnlySpan<float[]> conditioning);
}

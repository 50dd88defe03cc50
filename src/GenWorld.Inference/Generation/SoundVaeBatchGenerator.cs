using GenWorld.Inference.Finishing;
using GenWorld.Inference.Models;

namespace GenWorld.Inference.Generation;

/// <summary>
/// A sound-VAE model folder as a scheduler generator: one decoder run per batch, then inversion and finishing per row,
/// so every row (and every cache entry) is a finished clip. Owns the folder and disposes it with itself.
/// </summary>
public sealed class SoundVaeBatchGenerator : ISoundBatchGenerator
{
    private readonly ModelFolder _model;
    private readonly SoundDecoder _decoder;

    /// <summary>
    /// Wraps (and owns) a loaded sound-VAE folder; <paramref name="finishing"/> fixes the output rate and loudness,
    /// <paramref name="maxParallelism"/> the threads inverting a batch's clips (0: all cores).
    /// </summary>
    public SoundVaeBatchGenerator(ModelFolder model, SoundFinishing? finishing = null, int maxParallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _decoder = new SoundDecoder(model, finishing, maxParallelism);
        Version = ModelVersionTag.Of(model, "decoder", _decoder.Finisher.Options.Describe());
    }

    /// <summary>The direct decoder (same model and finishing, no scheduler).</summary>
    public SoundDecoder Decoder => _decoder;

    /// <summary>The folder served.</summary>
    public ModelFolder Model => _model;

    /// <inheritdoc/>
    public int LatentSize => _decoder.LatentSize;

    /// <inheritdoc/>
    public int ConditioningSize => _decoder.Pitch?.Count ?? 0;

    /// <inheritdoc/>
    public int OutputLength => _decoder.OutputLength;

    /// <inheritdoc/>
    public string Version { get; }

    /// <inheritdoc/>
    public int SampleRate => _decoder.SampleRate;

    /// <inheritdoc/>
    public SoundFinishing Finishing => _decoder.Finisher.Options;

    /// <inheritdoc/>
    public PitchRange? Pitch => _decoder.Pitch;

    /// <inheritdoc/>
    public float[][] Generate(ReadOnlySpan<float[]> latents, ReadOnlySpan<float[]> conditioning)
    {
        var inputs = new float[latents.Length][];
        for (int i = 0; i < latents.Length; i++)
            // The scheduler hands over quantised cell centres; the one-hot is rebuilt exactly from its largest entry.
            inputs[i] = _decoder.DecoderInput(latents[i], Pitch is { } range ? range.FromOneHot(conditioning[i]) : null);
        return _decoder.DecodeBatch(inputs);
    }

    /// <summary>Disposes the model folder's sessions.</summary>
    public void Dispose() => _model.Dispose();
}

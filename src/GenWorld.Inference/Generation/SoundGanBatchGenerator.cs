using GenWorld.Inference.Finishing;
using GenWorld.Inference.Models;

namespace GenWorld.Inference.Generation;

/// <summary>
/// A sound-GAN model folder as a scheduler generator: conditioning is [pitch one-hot | label one-hot], each row is
/// generated and finished (a finished clip per row and per cache entry). Owns the folder and disposes it with itself.
/// </summary>
public sealed class SoundGanBatchGenerator : ISoundBatchGenerator
{
    private readonly ModelFolder _model;
    private readonly SoundGanGenerator _generator;

    /// <summary>Wraps (and owns) a loaded sound-GAN folder; <paramref name="finishing"/> fixes the output rate and loudness.</summary>
    public SoundGanBatchGenerator(ModelFolder model, SoundFinishing? finishing = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _generator = new SoundGanGenerator(model, finishing);
        Pitch = _generator.PitchMin is int lo && _generator.PitchMax is int hi ? new PitchRange(lo, hi) : null;
        Version = ModelVersionTag.Of(model, "generator", _generator.Finisher.Options.Describe());
    }

    /// <inheritdoc/>
    public int LatentSize => _generator.LatentSize;

    /// <inheritdoc/>
    public int ConditioningSize => (Pitch?.Count ?? 0) + Labels.Count;

    /// <inheritdoc/>
    public int OutputLength => _generator.OutputLength;

    /// <inheritdoc/>
    public string Version { get; }

    /// <inheritdoc/>
    public int SampleRate => _generator.SampleRate;

    /// <inheritdoc/>
    public SoundFinishing Finishing => _generator.Finisher.Options;

    /// <inheritdoc/>
    public PitchRange? Pitch { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> Labels => _generator.LabelNames;

    /// <inheritdoc/>
    public float[][] Generate(ReadOnlySpan<float[]> latents, ReadOnlySpan<float[]> conditioning)
    {
        int pitches = Pitch?.Count ?? 0;
        var clips = new float[latents.Length][];
        for (int i = 0; i < latents.Length; i++)
        {
            // The scheduler hands over quantised cell centres; each one-hot is rebuilt exactly from its largest entry.
            int? pitch = Pitch is { } range ? range.FromOneHot(conditioning[i].AsSpan(0, pitches)) : null;
            string? label = Labels.Count == 0 ? null : Labels[ArgMax(conditioning[i].AsSpan(pitches))];
            clips[i] = _generator.Generate(latents[i], pitch, label);
        }
        return clips;
    }

    /// <summary>Disposes the model folder's sessions.</summary>
    public void Dispose() => _model.Dispose();

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++) if (values[i] > values[best]) best = i;
        return best;
    }
}

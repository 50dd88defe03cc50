using GenWorld.Inference.Finishing;
using GenWorld.Inference.Scheduling;

namespace GenWorld.Inference.Generation;

/// <summary>
/// A sound model behind the scheduler (a VAE decoder, a GAN generator): each output row is a FINISHED clip at
/// <see cref="SampleRate"/> (inversion, resampling, loudness done inside <see cref="IBatchGenerator.Generate"/>), so the
/// scheduler's cache holds playable audio. Conditioning is a one-hot over <see cref="Pitch"/>, or none.
/// </summary>
public interface ISoundBatchGenerator : IBatchGenerator
{
    /// <summary>Rate of the finished rows in Hz.</summary>
    int SampleRate { get; }

    /// <summary>How the rows were finished (output rate, loudness); a hot swap loads the next model with the same.</summary>
    SoundFinishing Finishing { get; }

    /// <summary>The trained pitches (ConditioningSize equals their count), or null for an unconditional model.</summary>
    PitchRange? Pitch { get; }
}

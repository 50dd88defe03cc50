namespace GenWorld.Inference.Generation;

/// <summary>What a sound is asked to be besides its latent position: a MIDI pitch and/or a class label, as the model takes.</summary>
/// <param name="MidiPitch">MIDI note number, or null for models without pitch conditioning.</param>
/// <param name="Label">Class label (e.g. the instrument family of a sound GAN), or null for models without labels.</param>
public readonly record struct SoundConditioning(int? MidiPitch, string? Label = null)
{
    /// <summary>No conditioning (unconditional models).</summary>
    public static SoundConditioning None => default;

    /// <summary>A MIDI pitch.</summary>
    public static SoundConditioning Pitch(int midiPitch) => new(midiPitch);
}

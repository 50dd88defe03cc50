namespace GenWorld.Inference.Generation;

/// <summary>What a sound is asked to be besides its latent position: for now, a MIDI pitch for pitch-conditioned models.</summary>
/// <param name="MidiPitch">MIDI note number, or null for models without pitch conditioning.</param>
public readonly record struct SoundConditioning(int? MidiPitch)
{
    /// <summary>No conditioning (unconditional models).</summary>
    public static SoundConditioning None => default;

    /// <summary>A MIDI pitch.</summary>
    public static SoundConditioning Pitch(int midiPitch) => new(midiPitch);
}

namespace GenWorld.Training.SoundGan;

/// <summary>The sound GAN's generator architecture (both write the same log-magnitude + IF representation).</summary>
public enum SoundGeneratorKind
{
    /// <summary>Chosen from the dataset: harmonic when every clip has a pitch, else spectrogram.</summary>
    Auto,

    /// <summary>Learned harmonic and noise-band envelopes, rendered into the spectrogram at the requested pitch.</summary>
    Harmonic,

    /// <summary>Transposed convolutions that draw the whole log-magnitude + IF image (GANSynth-like).</summary>
    Spectrogram,
}

namespace GenWorld.Inference.Generation;

/// <summary>
/// How a sound model's tensors relate to audio at its own rate: what its encoder reads from a clip and how one row of
/// its decoder's output becomes a clip. Two kinds exist: the 16 kHz log-magnitude + IF spectrogram inverted by one
/// iSTFT (<see cref="SpectralModelAudio"/>) and the 48 kHz harmonic-plus-noise synthesiser driven by frame controls
/// (<see cref="SynthModelAudio"/>); <see cref="ModelAudio.For"/> picks one from the manifest.
/// </summary>
public interface IModelAudio
{
    /// <summary>The model's sample rate.</summary>
    int SampleRate { get; }

    /// <summary>Samples per clip at the model rate.</summary>
    int ClipLength { get; }

    /// <summary>Values in one row of the decoder's (or generator's) output.</summary>
    int OutputSize { get; }

    /// <summary>Shape of one encoder input row (without the batch dimension).</summary>
    long[] EncoderInputShape { get; }

    /// <summary>The encoder's input for a clip already at the model rate and cut or padded to <see cref="ClipLength"/>.</summary>
    float[] EncoderInput(float[] clip);

    /// <summary>
    /// The clip for one output row. <paramref name="midiPitch"/> places the partials of a synthesised sound;
    /// <paramref name="seed"/> keys its noise, so the same row, pitch and seed always give the same samples.
    /// </summary>
    float[] Render(ReadOnlySpan<float> output, int? midiPitch, ulong seed);
}

using GenWorld.Core.Dsp;

namespace GenWorld.Inference.Generation;

/// <summary>The 16 kHz models' audio: a log-magnitude + IF spectrogram, inverted by one iSTFT (pitch and seed play no part).</summary>
public sealed class SpectralModelAudio(SpectralRepresentation representation) : IModelAudio
{
    /// <summary>The representation.</summary>
    public SpectralRepresentation Representation => representation;

    /// <inheritdoc />
    public int SampleRate => representation.SampleRate;

    /// <inheritdoc />
    public int ClipLength => representation.ClipLength;

    /// <inheritdoc />
    public int OutputSize => representation.Size;

    /// <inheritdoc />
    public long[] EncoderInputShape => [2, representation.Frames, representation.Bins];

    /// <inheritdoc />
    public float[] EncoderInput(float[] clip) => representation.Forward(clip);

    /// <inheritdoc />
    public float[] Render(ReadOnlySpan<float> output, int? midiPitch, ulong seed) => representation.Inverse(output);
}

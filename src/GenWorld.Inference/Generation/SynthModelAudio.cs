using GenWorld.Core.Dsp;
using GenWorld.Core.Synthesis;
using GenWorld.Inference.Synthesis;

namespace GenWorld.Inference.Generation;

/// <summary>
/// The full-band models' audio: the encoder reads the clip's <see cref="EncoderSpectrogram"/>, the decoder writes frame
/// controls that <see cref="HarmonicNoiseSynthesizer"/> renders at 48 kHz with partials at the requested pitch.
/// </summary>
public sealed class SynthModelAudio : IModelAudio
{
    private readonly EncoderSpectrogram _spectrogram;

    /// <summary>Audio for the synthesiser in <paramref name="file"/>.</summary>
    public SynthModelAudio(SynthFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        Synthesizer = new HarmonicNoiseSynthesizer(file);
        _spectrogram = new EncoderSpectrogram(file.SampleRate, file.Hop, file.Frames);
    }

    /// <summary>The synthesiser (for streaming voices).</summary>
    public HarmonicNoiseSynthesizer Synthesizer { get; }

    /// <inheritdoc />
    public int SampleRate => Synthesizer.File.SampleRate;

    /// <inheritdoc />
    public int ClipLength => Synthesizer.ClipLength;

    /// <inheritdoc />
    public int OutputSize => Synthesizer.ControlsSize;

    /// <inheritdoc />
    public long[] EncoderInputShape => [1, EncoderSpectrogram.Bands, _spectrogram.Frames];

    /// <inheritdoc />
    public float[] EncoderInput(float[] clip)
    {
        float peak = Synthesizer.File.InputPeak;
        if (peak <= 0) return _spectrogram.Compute(clip);
        float[] scaled = (float[])clip.Clone();
        Core.Audio.PeakLevel.ScaleTo(scaled, peak);
        return _spectrogram.Compute(scaled);
    }

    /// <inheritdoc />
    public float[] Render(ReadOnlySpan<float> output, int? midiPitch, ulong seed) =>
        Synthesizer.Render(output, midiPitch is int p ? 440.0 * Math.Pow(2, (p - 69) / 12.0) : null, seed);
}

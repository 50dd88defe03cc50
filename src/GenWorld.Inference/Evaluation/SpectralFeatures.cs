using GenWorld.Core.Dsp;
using GenWorld.Inference.Finishing;

namespace GenWorld.Inference.Evaluation;

/// <summary>
/// NDB features of a clip: its log-magnitude spectrum (the model's own STFT: Hann, n_fft 512, hop 128 at 16 kHz)
/// averaged over time and pooled into bands. Every clip, real or generated, first goes through the same finishing
/// as generated sounds (<see cref="SoundFinisher"/> at the clip's own rate: DC removed, faded, loudness-normalised), so
/// loudness differences alone do not separate the sets.
/// </summary>
public sealed class SpectralFeatures
{
    private readonly SpectralRepresentation _representation;
    private readonly SoundFinisher _finisher;

    /// <summary>Features for clips of <paramref name="clipLength"/> samples at <paramref name="sampleRate"/>, in <paramref name="bands"/> bands.</summary>
    public SpectralFeatures(int clipLength, int sampleRate, int bands = 64, int fftSize = 512, int hop = 128)
    {
        _representation = new SpectralRepresentation(clipLength, fftSize, hop, sampleRate);
        _finisher = new SoundFinisher(sampleRate, new SoundFinishing(OutputRate: sampleRate));
        if (bands < 1 || _representation.Bins % bands != 0)
            throw new ArgumentOutOfRangeException(nameof(bands), bands, $"must divide the {_representation.Bins} bins.");
        Bands = bands;
    }

    /// <summary>Values per feature vector.</summary>
    public int Bands { get; }

    /// <summary>Samples a clip must have.</summary>
    public int ClipLength => _representation.ClipLength;

    /// <summary>The feature vector of one clip (exactly <see cref="ClipLength"/> samples; the clip is not modified).</summary>
    public float[] Of(ReadOnlySpan<float> clip)
    {
        if (clip.Length != ClipLength) throw new ArgumentException($"clip must have {ClipLength} samples, got {clip.Length}.", nameof(clip));
        float[] finished = _finisher.Finish(clip);
        float[] rep = _representation.Forward(finished);
        int frames = _representation.Frames, bins = _representation.Bins, per = bins / Bands;
        var features = new float[Bands];
        for (int t = 0; t < frames; t++)
            for (int k = 0; k < bins; k++)
                features[k / per] += rep[t * bins + k];
        for (int b = 0; b < Bands; b++) features[b] /= frames * per;
        return features;
    }
}

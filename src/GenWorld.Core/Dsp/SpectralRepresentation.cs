namespace GenWorld.Core.Dsp;

/// <summary>
/// GANSynth-style audio representation: a 2 × Frames × Bins float tensor (channel-major) holding the scaled log
/// magnitude and the instantaneous frequency (frame-to-frame phase difference wrapped to (-π, π], divided by π)
/// of a Hann-windowed STFT, Nyquist bin dropped. The inverse integrates IF back to phase and runs ONE inverse STFT
/// (no Griffin-Lim), so the runtime can afford it per generated clip.
/// </summary>
public sealed class SpectralRepresentation
{
    /// <summary>Added inside the log so silence stays finite.</summary>
    public const double Epsilon = 1e-6;

    /// <summary>Log magnitudes are stored as (ln(|X| + ε) + Offset) / Scale, which maps silence near -1 and a loud bin near +1.</summary>
    public const double LogOffset = 4, LogScale = 10;

    private readonly Stft _stft;

    /// <summary>The lead's choice: 16 kHz, 16384-sample clips, n_fft 512, hop 128 → 2 × 128 × 256.</summary>
    public static SpectralRepresentation Default { get; } = new(16384, 512, 128);

    /// <summary>Creates a representation; clipLength must be a multiple of hop.</summary>
    public SpectralRepresentation(int clipLength, int fftSize, int hop, int sampleRate = 16000)
    {
        _stft = new Stft(fftSize, hop);
        if (clipLength < fftSize || clipLength % hop != 0)
            throw new ArgumentException($"clipLength must be >= fftSize ({fftSize}) and a multiple of hop ({hop}), got {clipLength}.", nameof(clipLength));
        if (sampleRate < 1) throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "must be positive.");
        ClipLength = clipLength;
        SampleRate = sampleRate;
    }

    /// <summary>Samples per clip.</summary>
    public int ClipLength { get; }

    /// <summary>Sample rate in Hz.</summary>
    public int SampleRate { get; }

    /// <summary>FFT size.</summary>
    public int FftSize => _stft.FftSize;

    /// <summary>Hop size.</summary>
    public int Hop => _stft.Hop;

    /// <summary>Frames per clip (ClipLength / Hop).</summary>
    public int Frames => ClipLength / Hop;

    /// <summary>Frequency bins kept (FftSize / 2, Nyquist dropped).</summary>
    public int Bins => FftSize / 2;

    /// <summary>Floats per representation: 2 × Frames × Bins.</summary>
    public int Size => 2 * Frames * Bins;

    /// <summary>Name for manifests, e.g. "logmag-if-512-128".</summary>
    public string Name => $"logmag-if-{FftSize}-{Hop}";

    /// <summary>Waveform (exactly ClipLength samples) → representation.</summary>
    public float[] Forward(ReadOnlySpan<float> clip)
    {
        if (clip.Length != ClipLength) throw new ArgumentException($"clip must have {ClipLength} samples, got {clip.Length}.", nameof(clip));
        var rep = new float[Size];
        var re = new double[FftSize];
        var im = new double[FftSize];
        var previous = new double[Bins];
        int plane = Frames * Bins;
        for (int t = 0; t < Frames; t++)
        {
            _stft.Frame(clip, t, re, im);
            for (int k = 0; k < Bins; k++)
            {
                double magnitude = Math.Sqrt(re[k] * re[k] + im[k] * im[k]);
                double phase = Math.Atan2(im[k], re[k]);
                rep[t * Bins + k] = (float)((Math.Log(magnitude + Epsilon) + LogOffset) / LogScale);
                rep[plane + t * Bins + k] = (float)(Wrap(phase - previous[k]) / Math.PI);
                previous[k] = phase;
            }
        }
        return rep;
    }

    /// <summary>Representation → waveform of ClipLength samples (IF summed to phase, one inverse STFT).</summary>
    public float[] Inverse(ReadOnlySpan<float> rep)
    {
        if (rep.Length != Size) throw new ArgumentException($"representation must have {Size} floats (2×{Frames}×{Bins}), got {rep.Length}.", nameof(rep));
        var re = new double[Frames * Bins];
        var im = new double[Frames * Bins];
        int plane = Frames * Bins;
        for (int k = 0; k < Bins; k++)
        {
            double phase = 0;
            for (int t = 0; t < Frames; t++)
            {
                int i = t * Bins + k;
                phase += rep[plane + i] * Math.PI;
                double magnitude = Math.Max(0, Math.Exp(rep[i] * LogScale - LogOffset) - Epsilon);
                re[i] = magnitude * Math.Cos(phase);
                im[i] = magnitude * Math.Sin(phase);
            }
        }
        return _stft.Inverse(Frames, ClipLength, (t, k) => k < Bins ? (re[t * Bins + k], im[t * Bins + k]) : (0, 0));
    }

    /// <summary>An angle wrapped into (−π, π], the range the IF channel stores (divided by π).</summary>
    public static double Wrap(double angle)
    {
        angle %= 2 * Math.PI;
        if (angle > Math.PI) angle -= 2 * Math.PI;
        else if (angle <= -Math.PI) angle += 2 * Math.PI;
        return angle;
    }
}

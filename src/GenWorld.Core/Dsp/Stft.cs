namespace GenWorld.Core.Dsp;

/// <summary>
/// Short-time Fourier transform with a periodic Hann window and centred frames (the signal is zero-padded by
/// FftSize/2 on each side; frame t is centred on sample t·Hop), and its inverse by weighted overlap-add.
/// </summary>
public sealed class Stft
{
    private readonly double[] _window;

    /// <summary>Creates a transform; FftSize must be a power of two and Hop at most FftSize/2.</summary>
    public Stft(int fftSize, int hop)
    {
        if (!Fft.IsPowerOfTwo(fftSize) || fftSize < 4) throw new ArgumentException($"fftSize must be a power of two >= 4, got {fftSize}.", nameof(fftSize));
        if (hop < 1 || hop > fftSize / 2) throw new ArgumentException($"hop must be in 1..{fftSize / 2}, got {hop}.", nameof(hop));
        FftSize = fftSize;
        Hop = hop;
        _window = new double[fftSize];
        for (int i = 0; i < fftSize; i++) _window[i] = 0.5 - 0.5 * Math.Cos(2 * Math.PI * i / fftSize);
    }

    /// <summary>FFT size in samples.</summary>
    public int FftSize { get; }

    /// <summary>Hop between frames in samples.</summary>
    public int Hop { get; }

    /// <summary>Frame count for a signal of <paramref name="length"/> samples (frames centred on 0, Hop, ..., below length).</summary>
    public int FrameCount(int length) => (length + Hop - 1) / Hop;

    /// <summary>Spectrum of frame <paramref name="frame"/>: bins 0..FftSize/2 (inclusive) into re/im.</summary>
    public void Frame(ReadOnlySpan<float> signal, int frame, Span<double> re, Span<double> im)
    {
        int start = frame * Hop - FftSize / 2;
        for (int i = 0; i < FftSize; i++)
        {
            int n = start + i;
            re[i] = n >= 0 && n < signal.Length ? signal[n] * _window[i] : 0;
            im[i] = 0;
        }
        Fft.Transform(re[..FftSize], im[..FftSize]);
    }

    /// <summary>Magnitudes [frame][bin] with bins 0..FftSize/2.</summary>
    public double[][] Magnitudes(ReadOnlySpan<float> signal)
    {
        int frames = FrameCount(signal.Length), bins = FftSize / 2 + 1;
        var re = new double[FftSize];
        var im = new double[FftSize];
        var result = new double[frames][];
        for (int t = 0; t < frames; t++)
        {
            Frame(signal, t, re, im);
            result[t] = new double[bins];
            for (int k = 0; k < bins; k++) result[t][k] = Math.Sqrt(re[k] * re[k] + im[k] * im[k]);
        }
        return result;
    }

    /// <summary>
    /// Inverse: <paramref name="spectrum"/>(t, k) gives bin k (0..FftSize/2) of frame t as (re, im); frames are inverse
    /// transformed, windowed and overlap-added, then divided by the summed squared window (exact where frames overlap).
    /// </summary>
    public float[] Inverse(int frames, int length, Func<int, int, (double Re, double Im)> spectrum)
    {
        int pad = FftSize / 2, half = FftSize / 2;
        var output = new double[length + FftSize];
        var weight = new double[length + FftSize];
        var re = new double[FftSize];
        var im = new double[FftSize];
        for (int t = 0; t < frames; t++)
        {
            for (int k = 0; k <= half; k++)
            {
                (re[k], im[k]) = spectrum(t, k);
                if (k is > 0 && k < half) { re[FftSize - k] = re[k]; im[FftSize - k] = -im[k]; }
            }
            im[0] = 0; im[half] = 0;
            Fft.Transform(re, im, inverse: true);
            int offset = t * Hop;
            for (int i = 0; i < FftSize; i++)
            {
                output[offset + i] += re[i] * _window[i];
                weight[offset + i] += _window[i] * _window[i];
            }
        }
        var result = new float[length];
        for (int n = 0; n < length; n++)
        {
            double w = weight[n + pad];
            result[n] = w > 1e-8 ? (float)(output[n + pad] / w) : 0f;
        }
        return result;
    }
}

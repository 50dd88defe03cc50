namespace GenWorld.Core.Dsp;

/// <summary>
/// Log-mel power spectrogram of a mono clip: centred Hann frames (<see cref="Stft"/>), power through a
/// <see cref="MelFilterbank"/> spanning 0 Hz to Nyquist, ln(energy + 1e-6). One definition for the full-band sound
/// VAE's encoder input (training and runtime) and the 48 kHz evaluation features, so both read a clip the same way.
/// </summary>
public sealed class LogMelSpectrogram
{
    private const double Floor = 1e-6;
    private readonly Stft _stft;
    private readonly MelFilterbank _mel;

    /// <summary>A spectrogram with the given FFT size, hop and band count at <paramref name="sampleRate"/>.</summary>
    public LogMelSpectrogram(int sampleRate, int fftSize, int hop, int bands)
    {
        _stft = new Stft(fftSize, hop);
        _mel = new MelFilterbank(fftSize, sampleRate, bands);
        SampleRate = sampleRate;
    }

    /// <summary>Rate the filters were laid out for.</summary>
    public int SampleRate { get; }

    /// <summary>Mel bands.</summary>
    public int Bands => _mel.Bands;

    /// <summary>Hop in samples.</summary>
    public int Hop => _stft.Hop;

    /// <summary>
    /// [frames × bands], row-major; frame t is centred on sample t·Hop. <paramref name="frames"/> fixes the count (the
    /// clip is read as zero-padded or cut), else every frame whose centre lies inside the clip.
    /// </summary>
    public float[] Compute(ReadOnlySpan<float> clip, int? frames = null)
    {
        int count = frames ?? _stft.FrameCount(clip.Length);
        int n = _stft.FftSize, bins = n / 2 + 1;
        var re = new double[n];
        var im = new double[n];
        var power = new double[bins];
        var result = new float[count * Bands];
        for (int t = 0; t < count; t++)
        {
            _stft.Frame(clip, t, re, im);
            for (int k = 0; k < bins; k++) power[k] = re[k] * re[k] + im[k] * im[k];
            Span<float> row = result.AsSpan(t * Bands, Bands);
            _mel.Apply(power, row);
            for (int b = 0; b < row.Length; b++) row[b] = (float)Math.Log(row[b] + Floor);
        }
        return result;
    }
}

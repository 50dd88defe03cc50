using GenWorld.Core.Dsp;

namespace GenWorld.Content.Audio;

/// <summary>Offline clean-up of mono clips: resampling, DC removal, silence trimming, peak normalisation, fades, levels.</summary>
public static class AudioDsp
{
    /// <summary>
    /// Band-limited resampling with the project's Kaiser-windowed-sinc polyphase resampler (the one the runtime finisher
    /// uses, ≥ 90 dB stopband); returns the input when the rates are equal.
    /// </summary>
    public static float[] Resample(float[] samples, int fromRate, int toRate)
    {
        if (fromRate <= 0 || toRate <= 0) throw new ArgumentException($"sample rates must be positive ({fromRate} → {toRate})");
        if (fromRate == toRate || samples.Length == 0) return samples;
        return new PolyphaseResampler(fromRate, toRate).Process(samples);
    }

    /// <summary>
    /// Frequency below which <paramref name="share"/> of the clip's energy lies (spectral rolloff of the summed power
    /// spectrum, 2048-point Hann frames): how far up a source really reaches, whatever its file's rate says.
    /// </summary>
    public static double RolloffHz(ReadOnlySpan<float> samples, int rate, double share = 0.95)
    {
        const int Size = 2048;
        var stft = new Stft(Size, Size / 2);
        double[][] mags = stft.Magnitudes(samples);
        var power = new double[Size / 2 + 1];
        foreach (double[] frame in mags)
            for (var k = 0; k < power.Length; k++) power[k] += frame[k] * frame[k];
        double total = power.Sum(), running = 0;
        if (total <= 0) return 0;
        for (var k = 0; k < power.Length; k++)
        {
            running += power[k];
            if (running >= share * total) return (double)k * rate / Size;
        }
        return rate / 2.0;
    }

    /// <summary>Subtracts the mean in place (the DC offset of some recordings would waste headroom and bias models).</summary>
    public static void RemoveDc(Span<float> samples)
    {
        if (samples.IsEmpty) return;
        double sum = 0;
        foreach (var s in samples) sum += s;
        var mean = (float)(sum / samples.Length);
        for (var i = 0; i < samples.Length; i++) samples[i] -= mean;
    }

    /// <summary>Peak absolute value.</summary>
    public static float Peak(ReadOnlySpan<float> samples) => Core.Audio.PeakLevel.Of(samples);

    /// <summary>Peak level in dBFS (−∞ for silence).</summary>
    public static double PeakDb(ReadOnlySpan<float> samples) => 20 * Math.Log10(Peak(samples));

    /// <summary>RMS level in dBFS (−∞ for silence).</summary>
    public static double RmsDb(ReadOnlySpan<float> samples)
    {
        if (samples.IsEmpty) return double.NegativeInfinity;
        double sum = 0;
        foreach (var s in samples) sum += (double)s * s;
        return 10 * Math.Log10(sum / samples.Length);
    }

    /// <summary>Scales in place so the peak is <paramref name="targetDb"/> dBFS; silence stays silence.</summary>
    public static void PeakNormalise(Span<float> samples, double targetDb = -1) =>
        Core.Audio.PeakLevel.ScaleTo(samples, (float)Math.Pow(10, targetDb / 20));

    /// <summary>
    /// The range [start, end) left after cutting leading and trailing parts quieter than <paramref name="thresholdDb"/>
    /// below the peak (measured on 10 ms windows), keeping <paramref name="padSeconds"/> either side. Empty for silence.
    /// </summary>
    public static (int Start, int End) NonSilentRange(ReadOnlySpan<float> samples, int rate, double thresholdDb = -50, double padSeconds = 0.01)
    {
        var peak = Peak(samples);
        if (peak <= 1e-6f) return (0, 0);
        var threshold = peak * (float)Math.Pow(10, thresholdDb / 20);
        var window = Math.Max(1, rate / 100);
        int first = -1, last = -1;
        for (var w = 0; w * window < samples.Length; w++)
        {
            var chunk = samples.Slice(w * window, Math.Min(window, samples.Length - w * window));
            if (Peak(chunk) < threshold) continue;
            if (first < 0) first = w;
            last = w;
        }
        var pad = (int)(padSeconds * rate);
        var start = Math.Max(0, first * window - pad);
        var end = Math.Min(samples.Length, (last + 1) * window + pad);
        return (start, end);
    }

    /// <summary>Applies a raised-cosine fade to zero over the last <paramref name="seconds"/> (so cut clips end without a click).</summary>
    public static void FadeOut(Span<float> samples, int rate, double seconds)
    {
        var n = Math.Min(samples.Length, (int)(seconds * rate));
        for (var i = 0; i < n; i++)
        {
            var g = 0.5f * (1 + MathF.Cos(MathF.PI * (i + 1) / n));
            samples[samples.Length - n + i] *= g;
        }
    }

    /// <summary>Applies a raised-cosine fade from zero over the first <paramref name="seconds"/> (for clips cut mid-sound).</summary>
    public static void FadeIn(Span<float> samples, int rate, double seconds)
    {
        var n = Math.Min(samples.Length, (int)(seconds * rate));
        for (var i = 0; i < n; i++) samples[i] *= 0.5f * (1 - MathF.Cos(MathF.PI * i / n));
    }
}

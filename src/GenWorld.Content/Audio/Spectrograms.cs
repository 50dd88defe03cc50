using NWaves.Filters.Fda;
using NWaves.Transforms;
using NWaves.Windows;

namespace GenWorld.Content.Audio;

/// <summary>STFT power spectrograms and log-mel spectrograms (NWaves) for analysis, thumbnails and model inputs.</summary>
public static class Spectrograms
{
    /// <summary>Power spectrogram: one array of <c>fftSize/2+1</c> bins per hop (Hann window).</summary>
    public static List<float[]> Power(float[] samples, int fftSize = 512, int hop = 128)
    {
        if (samples.Length < fftSize) samples = [.. samples, .. new float[fftSize - samples.Length]];
        var stft = new Stft(fftSize, hop, WindowType.Hann);
        return stft.Spectrogram(samples, normalize: false);
    }

    /// <summary>Log-mel spectrogram in dB (10·log10 of mel-band power, floored at −100 dB): [frame][band].</summary>
    public static float[][] LogMel(float[] samples, int rate, int melBands = 64, int fftSize = 512, int hop = 128)
    {
        var power = Power(samples, fftSize, hop);
        var bands = FilterBanks.Triangular(fftSize, rate, FilterBanks.MelBands(melBands, rate, 0, rate / 2.0));
        var result = new float[power.Count][];
        for (var t = 0; t < power.Count; t++)
        {
            var frame = new float[melBands];
            for (var b = 0; b < melBands; b++)
            {
                double sum = 0;
                var weights = bands[b];
                for (var k = 0; k < weights.Length; k++) sum += weights[k] * power[t][k];
                frame[b] = (float)(10 * Math.Log10(Math.Max(sum, 1e-10)));
            }
            result[t] = frame;
        }
        return result;
    }

    /// <summary>Frequency in Hz of the strongest bin of the whole clip's averaged power spectrum.</summary>
    public static double DominantFrequency(float[] samples, int rate, int fftSize = 4096)
    {
        var power = Power(samples, fftSize, fftSize / 4);
        var sum = new double[fftSize / 2 + 1];
        foreach (var frame in power)
            for (var k = 0; k < sum.Length; k++) sum[k] += frame[k];
        var best = 1;
        for (var k = 2; k < sum.Length; k++) if (sum[k] > sum[best]) best = k;
        return best * (double)rate / fftSize;
    }
}

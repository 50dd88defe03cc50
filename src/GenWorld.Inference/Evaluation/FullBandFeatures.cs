using GenWorld.Core.Dsp;
using GenWorld.Inference.Finishing;

namespace GenWorld.Inference.Evaluation;

/// <summary>
/// Full-band statistics of a 48 kHz clip for two-sample tests: the mean and standard deviation over time of a 64-band
/// log-mel spectrogram reaching 24 kHz (FFT 2048, hop 512), plus the share of energy above 8 kHz. Every clip, real or
/// generated, first goes through the generated sounds' finishing (DC, fades, loudness to −18 LUFS) so level alone
/// separates nothing; a model that stops at 8 kHz cannot pass, its upper bands and high-band share give it away.
/// </summary>
public sealed class FullBandFeatures
{
    /// <summary>Rate every clip is measured at.</summary>
    public const int SampleRate = 48000;

    private const int Bands = 64;
    private readonly LogMelSpectrogram _logMel = new(SampleRate, 2048, 512, Bands);
    private readonly SoundFinisher _finisher = new(SampleRate, new SoundFinishing(OutputRate: SampleRate));

    /// <summary>Values per feature vector.</summary>
    public static int Size => 2 * Bands + 1;

    /// <summary>The feature vector of a 48 kHz clip.</summary>
    public float[] Of(ReadOnlySpan<float> clip)
    {
        float[] finished = _finisher.Finish(clip);
        float[] rows = _logMel.Compute(finished);
        int frames = rows.Length / Bands;
        var features = new float[Size];
        for (int b = 0; b < Bands; b++)
        {
            double sum = 0, sq = 0;
            for (int t = 0; t < frames; t++) { double v = rows[t * Bands + b]; sum += v; sq += v * v; }
            double mean = sum / frames;
            features[b] = (float)mean;
            features[Bands + b] = (float)Math.Sqrt(Math.Max(0, sq / frames - mean * mean));
        }
        features[^1] = (float)HighBandShare(finished);
        return features;
    }

    /// <summary>What feature <paramref name="index"/> measures, in words a person reads: "log-mel mean 9.8-10.6 kHz".</summary>
    public static string Name(int index)
    {
        if (index == Size - 1) return "energy share above 8 kHz";
        int band = index % Bands;
        // The filterbank's triangles span 0 Hz to Nyquist evenly on the mel scale; band b peaks at edge b + 1.
        double maxMel = MelFilterbank.Mel(SampleRate / 2.0);
        double Edge(int e) => MelFilterbank.Hz(maxMel * e / (Bands + 1)) / 1000;
        string statistic = index < Bands ? "mean" : "std over time";
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"log-mel {statistic} {Edge(band):F1}-{Edge(band + 2):F1} kHz");
    }

    /// <summary>Share of a 48 kHz clip's energy above 8 kHz (summed power spectrum of 2048-point Hann frames).</summary>
    public static double HighBandShare(ReadOnlySpan<float> clip)
    {
        double[][] mags = new Stft(2048, 1024).Magnitudes(clip);
        int edge = 8000 * 2048 / SampleRate;
        double high = 0, total = 0;
        foreach (double[] frame in mags)
            for (int k = 0; k < frame.Length; k++)
            {
                double p = frame[k] * frame[k];
                total += p;
                if (k >= edge) high += p;
            }
        return total > 0 ? high / total : 0;
    }
}

using GenWorld.Content.Audio;

namespace GenWorld.Content.Import;

/// <summary>
/// Finds clips that sound the same: the same file copied twice, one sound saved at two rates or formats, a loop cut
/// into identical pieces. A clip's fingerprint is its mean log-mel spectrum (32 bands) and its level envelope (8
/// segments, dB); two clips are near-duplicates when their durations are within 10 % and both differ by less than
/// <see cref="ThresholdDb"/> on average. The first of each group (in id order) is kept.
/// </summary>
public static class NearDuplicates
{
    /// <summary>Mean absolute difference, in dB, under which two fingerprints are the same sound.</summary>
    public const double ThresholdDb = 1.5;

    private const int Bands = 32, Segments = 8;

    /// <summary>A clip's fingerprint.</summary>
    public sealed record Fingerprint(float[] Spectrum, float[] Envelope, double Seconds);

    /// <summary>Fingerprint of a mono clip.</summary>
    public static Fingerprint Of(float[] samples, int rate)
    {
        var mel = Spectrograms.LogMel(samples, rate, Bands, 1024, 512);
        var spectrum = new float[Bands];
        foreach (var frame in mel)
            for (var b = 0; b < Bands; b++) spectrum[b] += frame[b] / mel.Length;
        var envelope = new float[Segments];
        for (var s = 0; s < Segments; s++)
        {
            int from = (int)((long)s * samples.Length / Segments), to = (int)((long)(s + 1) * samples.Length / Segments);
            envelope[s] = (float)Math.Max(-100, AudioDsp.RmsDb(samples.AsSpan(from, Math.Max(1, to - from))));
        }
        return new Fingerprint(spectrum, envelope, (double)samples.Length / rate);
    }

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> are the same sound.</summary>
    public static bool Same(Fingerprint a, Fingerprint b)
    {
        if (Math.Min(a.Seconds, b.Seconds) < 0.9 * Math.Max(a.Seconds, b.Seconds)) return false;
        return MeanAbsDiff(a.Spectrum, b.Spectrum) < ThresholdDb && MeanAbsDiff(a.Envelope, b.Envelope) < ThresholdDb;
    }

    /// <summary>For each fingerprint, the index of the earlier one it duplicates, or −1 when it is the first of its sound.</summary>
    public static int[] Duplicates(IReadOnlyList<Fingerprint> prints)
    {
        var of = new int[prints.Count];
        var kept = new List<int>();
        for (var i = 0; i < prints.Count; i++)
        {
            of[i] = -1;
            foreach (var k in kept)
                if (Same(prints[i], prints[k])) { of[i] = k; break; }
            if (of[i] < 0) kept.Add(i);
        }
        return of;
    }

    private static double MeanAbsDiff(float[] a, float[] b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++) sum += Math.Abs(a[i] - b[i]);
        return sum / a.Length;
    }
}

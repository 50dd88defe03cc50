using GenWorld.Content.Audio;
using GenWorld.Core.Audio;

namespace GenWorld.Content.Sfx;

/// <summary>Turns a decoded sound into dataset clips: mono, resampled, DC removed, silence trimmed, cut, normalised.</summary>
public static class SfxClipper
{
    /// <summary>Peak below this (dBFS) counts as a silent file.</summary>
    public const double SilentPeakDb = -60;

    /// <summary>Clips shorter than this after trimming are skipped as "too short".</summary>
    public const double MinSeconds = 0.05;

    /// <summary>
    /// Clips of at most <paramref name="maxSeconds"/>: the first from the sound's onset; a long sound (ambience, loops)
    /// gives up to <paramref name="maxSegments"/> consecutive windows, each kept only if it is within 30 dB of the
    /// sound's peak. Returns an empty list and a reason when nothing usable is there.
    /// </summary>
    public static List<float[]> Clips(AudioClip decoded, int rate, double maxSeconds, int maxSegments, out string? skipReason)
    {
        skipReason = null;
        var source = decoded.ToMono().Samples;
        // Only the start of a long recording is ever used; resampling all of it would be wasted work.
        var keep = (int)Math.Min(source.Length, (maxSegments * maxSeconds + 10.0) * decoded.SampleRate);
        var mono = AudioDsp.Resample(source[..keep], decoded.SampleRate, rate);
        AudioDsp.RemoveDc(mono);
        var clips = new List<float[]>();
        var peakDb = AudioDsp.PeakDb(mono);
        if (!(peakDb > SilentPeakDb))
        {
            skipReason = "silent";
            return clips;
        }
        var (start, end) = AudioDsp.NonSilentRange(mono, rate, -50, 0.005);
        if (end - start < MinSeconds * rate)
        {
            skipReason = "too short after trimming";
            return clips;
        }
        var max = (int)(maxSeconds * rate);
        for (var s = 0; s < maxSegments && start + s * max < end; s++)
        {
            var from = start + s * max;
            var length = Math.Min(max, end - from);
            if (s > 0 && (length < max / 2 || AudioDsp.PeakDb(mono.AsSpan(from, length)) < peakDb - 30)) break;
            var clip = mono.AsSpan(from, length).ToArray();
            if (s > 0) AudioDsp.FadeIn(clip, rate, 0.01);
            if (from + length < end) AudioDsp.FadeOut(clip, rate, 0.03);
            AudioDsp.PeakNormalise(clip, -1);
            clips.Add(clip);
        }
        return clips;
    }
}

using GenWorld.Content.Audio;

namespace GenWorld.Content.Notes;

/// <summary>Cuts a rendered slot sequence into one clip per note and decides which notes are real.</summary>
public static class NoteSplitter
{
    /// <summary>Slots whose peak is below this (dBFS) hold no audible note: the pitch is outside the instrument's range.</summary>
    public const double SilentPeakDb = -50;

    /// <summary>
    /// The clip of slot <paramref name="index"/>: from the slot start, trailing silence (−50 dB below the clip's peak)
    /// removed, then padded or cut to [minSeconds, maxSeconds] with a 30 ms fade at a cut. Null when near-silent.
    /// </summary>
    public static float[]? Slot(float[] rendered, int rate, int index, SlotTiming timing, double minSeconds, double maxSeconds)
    {
        var start = timing.SlotStart(index, rate);
        var end = Math.Min(rendered.Length, start + (int)(timing.SilenceAtSeconds * rate));
        if (start >= end) return null;
        var segment = rendered.AsSpan(start, end - start).ToArray();
        if (AudioDsp.PeakDb(segment) < SilentPeakDb) return null;
        AudioDsp.RemoveDc(segment);
        var (_, last) = AudioDsp.NonSilentRange(segment, rate, -50, 0.02);
        var length = Math.Clamp(last, (int)(minSeconds * rate), (int)(maxSeconds * rate));
        var clip = new float[length];
        Array.Copy(segment, clip, Math.Min(length, segment.Length));
        if (last > length) AudioDsp.FadeOut(clip, rate, 0.03);
        return clip;
    }
}

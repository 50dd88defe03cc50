using System.Globalization;
using GenWorld.Core.Dsp;

namespace GenWorld.Training.Data;

/// <summary>A clip ready for a sound model: the fixed-length waveform at the model rate, its representation, MIDI pitch and all its labels.</summary>
public sealed record PreparedClip(string Id, float[] Waveform, float[] Representation, int? Pitch, IReadOnlyDictionary<string, string>? Labels = null);

/// <summary>Brings clips to the model's rate and length (linear resampling, crop or zero-pad) and computes the representation.</summary>
public static class ClipPreparer
{
    /// <summary>Prepares every clip; throws naming the clip when a pitch label is not an integer in 0..127.</summary>
    public static IReadOnlyList<PreparedClip> Prepare(IReadOnlyList<ClipItem> clips, SpectralRepresentation representation)
    {
        var result = new PreparedClip[clips.Count];
        // Labels are checked first, on this thread, so a bad one surfaces as itself rather than inside an AggregateException.
        int?[] pitches = [.. clips.Select(Pitch)];
        Parallel.For(0, clips.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            ClipItem clip = clips[i];
            float[] wave = Fit(Resample(clip.Samples, clip.SampleRate, representation.SampleRate, representation.ClipLength), representation.ClipLength);
            result[i] = new PreparedClip(clip.Id, wave, representation.Forward(wave), pitches[i], clip.Labels);
        });
        return result;
    }

    private static int? Pitch(ClipItem clip)
    {
        if (!clip.Labels.TryGetValue("pitch", out string? text)) return null;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int pitch) || pitch is < 0 or > 127)
            throw new InvalidDataException($"{clip.Id}: label pitch='{text}' is not a MIDI number 0..127.");
        return pitch;
    }

    /// <summary>
    /// Linear-interpolation resampling (clips are band-limited well below the new Nyquist in practice; datasets are built
    /// at 16 kHz), producing at most <paramref name="maxLength"/> samples: the clip is cropped before it is resampled,
    /// so a long clip or a tiny source rate costs no more than the samples kept.
    /// </summary>
    public static float[] Resample(float[] samples, int from, int to, int maxLength = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(from);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(to);
        if (from == to || samples.Length == 0) return samples.Length <= maxLength ? samples : samples[..maxLength];
        int length = (int)Math.Min(maxLength, (long)samples.Length * to / from);
        var result = new float[length];
        double ratio = (double)from / to;
        for (int i = 0; i < length; i++)
        {
            double pos = i * ratio;
            int a = (int)pos;
            int b = Math.Min(a + 1, samples.Length - 1);
            double frac = pos - a;
            result[i] = (float)(samples[a] * (1 - frac) + samples[b] * frac);
        }
        return result;
    }

    private static float[] Fit(float[] samples, int length)
    {
        var result = new float[length];
        Array.Copy(samples, result, Math.Min(length, samples.Length));
        return result;
    }
}

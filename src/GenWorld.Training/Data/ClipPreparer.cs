using GenWorld.Core.Dsp;

namespace GenWorld.Training.Data;

/// <summary>A clip ready for a sound model: the fixed-length waveform at the model rate, its representation, MIDI pitch and all its labels.</summary>
public sealed record PreparedClip(string Id, float[] Waveform, float[] Representation, int? Pitch, IReadOnlyDictionary<string, string>? Labels = null);

/// <summary>Brings clips to the model's rate and length (windowed-sinc resampling, crop or zero-pad) and computes the representation.</summary>
public static class ClipPreparer
{
    /// <summary>Prepares every clip; throws naming the clip when a pitch label is not an integer in 0..127.</summary>
    public static IReadOnlyList<PreparedClip> Prepare(IReadOnlyList<ClipItem> clips, SpectralRepresentation representation)
    {
        var result = new PreparedClip[clips.Count];
        // Labels are checked first, on this thread, so a bad one surfaces as itself rather than inside an AggregateException.
        int?[] pitches = [.. clips.Select(c => c.MidiPitch)];
        Parallel.For(0, clips.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            ClipItem clip = clips[i];
            float[] wave = Fit(Resample(clip.Samples, clip.SampleRate, representation.SampleRate, representation.ClipLength), representation.ClipLength);
            result[i] = new PreparedClip(clip.Id, wave, representation.Forward(wave), pitches[i], clip.Labels);
        });
        return result;
    }

    /// <summary>
    /// Band-limited resampling with the project's Kaiser-windowed-sinc polyphase resampler (the one datasets and the
    /// runtime use; linear interpolation would fold everything above the new Nyquist back into the band), producing at
    /// most <paramref name="maxLength"/> samples: the clip is cropped before it is resampled (keeping the filter's
    /// reach past the cut), so a long clip or a tiny source rate costs no more than the samples kept.
    /// </summary>
    public static float[] Resample(float[] samples, int from, int to, int maxLength = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(from);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(to);
        if (from == to || samples.Length == 0) return samples.Length <= maxLength ? samples : samples[..maxLength];
        // The WAV reader accepts 8 kHz and up; a lower rate is a damaged header, and its filter would be seconds long.
        if (Math.Min(from, to) < Core.Audio.WavFile.MinSampleRate)
            throw new InvalidDataException($"sample rate {Math.Min(from, to)} Hz is below {Core.Audio.WavFile.MinSampleRate} Hz: the clip's header is damaged.");
        var resampler = new PolyphaseResampler(from, to);
        long needed = maxLength == int.MaxValue ? samples.Length : (long)maxLength * from / to + resampler.TapsPerOutput + 1;
        float[] output = resampler.Process(samples.AsSpan(0, (int)Math.Min(samples.Length, needed)));
        int length = (int)Math.Min(maxLength, (long)samples.Length * to / from);
        return output.Length <= length ? output : output[..length];
    }

    /// <summary>
    /// A line for the training log when clips are longer than the model's clip (each is cut to its first part), or null.
    /// Long recordings belong in `dataset import`, which slices them into one-shots instead.
    /// </summary>
    public static string? CroppedNote(IReadOnlyList<ClipItem> clips, int clipLength, int rate)
    {
        ArgumentNullException.ThrowIfNull(clips);
        int longer = clips.Count(c => (long)c.Samples.Length * rate / c.SampleRate > clipLength);
        if (longer == 0) return null;
        double seconds = (double)clipLength / rate;
        return $"{longer} of {clips.Count} clips are longer than the model's {seconds:0.###} s clip and are cut to their first {seconds:0.###} s " +
               "(`genworld dataset import DIR --max-seconds S` slices long recordings into one-shots; the synth decoder takes --clip-seconds).";
    }

    private static float[] Fit(float[] samples, int length)
    {
        var result = new float[length];
        Array.Copy(samples, result, Math.Min(length, samples.Length));
        return result;
    }
}

using GenWorld.Core.Dsp;
using GenWorld.Training.Data;

namespace GenWorld.Training.Synth;

/// <summary>A clip ready for the full-band VAE: the waveform cut or zero-padded to the clip length and scaled to the
/// config's <see cref="SynthConfig.InputPeak"/>, its encoder spectrogram, its pitch.</summary>
public sealed record SynthClip(string Id, float[] Waveform, float[] Spectrogram, int? Pitch, IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>
    /// Prepares clips for <paramref name="config"/>; every clip must already be at the synth's rate (the full-band
    /// datasets are built at 48 kHz): resampling here would hide a band-limited source behind a full-band model.
    /// </summary>
    public static IReadOnlyList<SynthClip> Prepare(IReadOnlyList<ClipItem> clips, SynthConfig config)
    {
        ArgumentNullException.ThrowIfNull(clips);
        ArgumentNullException.ThrowIfNull(config);
        if (clips.FirstOrDefault(c => c.SampleRate != config.SampleRate) is { } other)
            throw new InvalidDataException($"{other.Id}: {other.SampleRate} Hz, but the full-band decoder trains on {config.SampleRate} Hz clips " +
                $"(rebuild the dataset with `genworld dataset build KIND --rate {config.SampleRate}`).");
        int?[] pitches = [.. clips.Select(c => c.MidiPitch)];
        var result = new SynthClip[clips.Count];
        Parallel.For(0, clips.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, () => new EncoderSpectrogram(config.SampleRate, config.Hop, config.Frames), (i, _, spectrogram) =>
        {
            var wave = new float[config.ClipLength];
            Array.Copy(clips[i].Samples, wave, Math.Min(wave.Length, clips[i].Samples.Length));
            if (config.InputPeak > 0) Core.Audio.PeakLevel.ScaleTo(wave, config.InputPeak);
            result[i] = new SynthClip(clips[i].Id, wave, spectrogram.Compute(wave), pitches[i], clips[i].Labels);
            return spectrogram;
        }, _ => { });
        return result;
    }
}

using GenWorld.Core.Dsp;
using GenWorld.Training.Runs;

namespace GenWorld.Training.Synth;

/// <summary>
/// New takes of a clip, for a small library that a model would otherwise learn by heart in minutes: played back one or
/// two semitones faster or slower (resampled with the Kaiser-windowed sinc at 18:17 and 9:8, so the new take stays
/// full band and alias-free: a higher or lower version of the same sound) and started 0–20 ms late. A pitched model's
/// clips keep their speed, since their pitch label must stay true: they are only delayed. The waveform is cut or
/// padded to the clip length, scaled to the input peak, and its encoder spectrogram computed again. One instance per
/// trainer (not thread-safe: the spectrogram has scratch buffers); the draws come from the run's seeded random, so a
/// resumed run augments exactly as the uninterrupted one would.
/// </summary>
public sealed class ClipAugmentation
{
    private const double MaxDelaySeconds = 0.020;
    private readonly SynthConfig _config;
    private readonly bool _pitched;
    private readonly PolyphaseResampler[] _speeds;
    private readonly EncoderSpectrogram _spectrogram;

    /// <summary>Augmentation for clips of <paramref name="config"/>; <paramref name="pitched"/>: delay only.</summary>
    public ClipAugmentation(SynthConfig config, bool pitched)
    {
        ArgumentNullException.ThrowIfNull(config);
        _config = config;
        _pitched = pitched;
        // Input:output rate ratios read as "this clip was recorded at 18/17 of the rate": 18:17 plays it ~1 semitone higher.
        _speeds = [new(18_000, 17_000), new(17_000, 18_000), new(9_000, 8_000), new(8_000, 9_000)];
        _spectrogram = new EncoderSpectrogram(config.SampleRate, config.Hop, config.Frames);
    }

    /// <summary>Semitones each speed moves a clip (the order <see cref="Apply"/> draws them in), for reports and tests.</summary>
    public static IReadOnlyList<double> SpeedSemitones { get; } = [12 * Math.Log2(18.0 / 17), 12 * Math.Log2(17.0 / 18), 12 * Math.Log2(9.0 / 8), 12 * Math.Log2(8.0 / 9)];

    /// <summary>A new take of <paramref name="clip"/> (the clip itself is left alone).</summary>
    public SynthClip Apply(SynthClip clip, RunRandom random)
    {
        ArgumentNullException.ThrowIfNull(clip);
        ArgumentNullException.ThrowIfNull(random);
        float[] source = _pitched ? clip.Waveform : _speeds[random.Next(_speeds.Length)].Process(clip.Waveform);
        int delay = random.Next((int)(MaxDelaySeconds * _config.SampleRate) + 1);
        var wave = new float[_config.ClipLength];
        Array.Copy(source, 0, wave, delay, Math.Min(source.Length, wave.Length - delay));
        if (_config.InputPeak > 0) Core.Audio.PeakLevel.ScaleTo(wave, _config.InputPeak);
        return clip with { Waveform = wave, Spectrogram = _spectrogram.Compute(wave) };
    }
}

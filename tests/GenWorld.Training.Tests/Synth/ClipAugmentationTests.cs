using GenWorld.Core.Dsp;
using GenWorld.Training.Runs;
using GenWorld.Training.Synth;

namespace GenWorld.Training.Tests.Synth;

/// <summary>New takes for a small library: a sine comes back a semitone or two off (unpitched) or at its pitch, later, full length, at the input peak.</summary>
public sealed class ClipAugmentationTests
{
    private static readonly SynthConfig Config = new() { Frames = 64, InputPeak = 0.5f };

    private static SynthClip Sine(double hz)
    {
        var wave = new float[Config.ClipLength];
        for (int n = 0; n < wave.Length; n++) wave[n] = 0.5f * (float)Math.Sin(2 * Math.PI * hz * n / Config.SampleRate);
        return new SynthClip("sine", wave, new EncoderSpectrogram(Config.SampleRate, Config.Hop, Config.Frames).Compute(wave), 69, new Dictionary<string, string>());
    }

    /// <summary>Frequency from positive-going zero crossings over the middle of the clip (well past any delay).</summary>
    private static double Frequency(float[] wave)
    {
        int first = -1, last = -1, crossings = 0;
        for (int n = wave.Length / 4; n < wave.Length * 3 / 4; n++)
            if (wave[n - 1] < 0 && wave[n] >= 0)
            {
                if (first < 0) first = n;
                last = n;
                crossings++;
            }
        return (crossings - 1) * (double)Config.SampleRate / (last - first);
    }

    [Fact]
    public void An_unpitched_take_is_one_or_two_semitones_away_full_length_at_the_input_peak_with_its_spectrogram()
    {
        SynthClip clip = Sine(1000);
        float[] before = (float[])clip.Waveform.Clone();
        var augmentation = new ClipAugmentation(Config, pitched: false);
        var random = new RunRandom(3);
        var seen = new HashSet<int>();
        for (int i = 0; i < 24; i++)
        {
            SynthClip take = augmentation.Apply(clip, random);
            double semitones = 12 * Math.Log2(Frequency(take.Waveform) / 1000);
            int nearest = Enumerable.Range(0, 4).MinBy(s => Math.Abs(ClipAugmentation.SpeedSemitones[s] - semitones));
            Assert.True(Math.Abs(ClipAugmentation.SpeedSemitones[nearest] - semitones) < 0.01, $"{semitones:F3} semitones");
            seen.Add(nearest);
            Assert.Equal(Config.ClipLength, take.Waveform.Length);
            Assert.Equal(0.5f, take.Waveform.Max(MathF.Abs), 3);
            Assert.Equal(new EncoderSpectrogram(Config.SampleRate, Config.Hop, Config.Frames).Compute(take.Waveform), take.Spectrogram);
        }
        Assert.Equal(4, seen.Count); // all four speeds come up
        Assert.Equal(before, clip.Waveform); // the library's clip is left alone
    }

    [Fact]
    public void A_pitched_take_keeps_its_pitch_and_starts_at_most_20_ms_late()
    {
        SynthClip clip = Sine(440);
        var augmentation = new ClipAugmentation(Config, pitched: true);
        var random = new RunRandom(5);
        var delays = new List<int>();
        for (int i = 0; i < 12; i++)
        {
            SynthClip take = augmentation.Apply(clip, random);
            Assert.Equal(440, Frequency(take.Waveform), 0);
            int delay = Array.FindIndex(take.Waveform, v => v != 0) - 1; // the sine starts at 0, then rises
            Assert.InRange(delay, -1, (int)(0.020 * Config.SampleRate));
            delays.Add(delay);
        }
        Assert.True(delays.Distinct().Count() > 6, "delays vary");
    }

    [Fact]
    public void The_same_seed_gives_the_same_takes()
    {
        SynthClip clip = Sine(700);
        var a = new ClipAugmentation(Config, pitched: false);
        var b = new ClipAugmentation(Config, pitched: false);
        RunRandom ra = new(9), rb = new(9);
        for (int i = 0; i < 5; i++) Assert.Equal(a.Apply(clip, ra).Waveform, b.Apply(clip, rb).Waveform);
    }
}

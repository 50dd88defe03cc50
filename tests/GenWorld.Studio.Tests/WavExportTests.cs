using GenWorld.Core.Audio;
using GenWorld.Studio.Export;

namespace GenWorld.Studio.Tests;

/// <summary>Exported WAVs decode at the chosen rate, depth and channels, and keep the sound (a 440 Hz tone stays at 440 Hz).</summary>
public sealed class WavExportTests
{
    private static float[] Tone(int rate, double hz, double seconds) =>
        [.. Enumerable.Range(0, (int)(rate * seconds)).Select(i => (float)(0.5 * Math.Sin(2 * Math.PI * hz * i / rate)))];

    [Theory]
    [InlineData(48000, 16, 1)]
    [InlineData(44100, 16, 2)]
    [InlineData(48000, 24, 2)]
    [InlineData(44100, 24, 1)]
    public void Each_offered_format_decodes_with_the_tone_intact(int rate, int bits, int channels)
    {
        float[] source = Tone(48000, 440, 1);
        byte[] wav = WavExport.Encode(source, 48000, rate, bits, channels);
        Assert.Equal(bits, BitConverter.ToUInt16(wav, 34));
        AudioClip clip = WavFile.Decode(wav);
        Assert.Equal((rate, channels), (clip.SampleRate, clip.Channels));
        Assert.InRange(clip.Frames, rate - 2, rate + 2);
        float[] left = clip.Channel(0);
        if (channels == 2) Assert.Equal(left, clip.Channel(1));
        // Zero crossings over the middle half second: 440 Hz gives 440 upward crossings per second.
        int up = 0;
        for (int i = rate / 4; i < 3 * rate / 4; i++) if (left[i - 1] < 0 && left[i] >= 0) up++;
        Assert.InRange(up, 219, 221);
        double peak = left.Skip(rate / 4).Take(rate / 2).Max(Math.Abs);
        Assert.InRange(peak, 0.499, 0.501);
    }

    [Theory]
    [InlineData(22050, 16, 1, "rate")]
    [InlineData(48000, 32, 1, "bits")]
    [InlineData(48000, 16, 6, "channels")]
    public void Formats_not_offered_are_named(int rate, int bits, int channels, string field) =>
        Assert.StartsWith(field + ":", WavExport.Problem(rate, bits, channels), StringComparison.Ordinal);
}

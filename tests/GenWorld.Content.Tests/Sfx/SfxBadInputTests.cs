using GenWorld.Content.Datasets;
using GenWorld.Content.Sfx;
using GenWorld.Core.Audio;

namespace GenWorld.Content.Tests.Sfx;

public sealed class SfxBadInputTests
{
    private static UnitOutput Convert(byte[] bytes, string ext)
    {
        var output = new UnitOutput(TestPaths.NewTempDir());
        var file = new SfxFile("test", "made/in/test" + ext, "made/in/test" + ext, "test", () => bytes);
        SfxSource.Convert(output, file, "t", "CC0", new DatasetBuildOptions { OutputDirectory = "unused", Size = DatasetSize.Full });
        return output;
    }

    private static byte[] Wav(float[] samples, int channels = 1, int rate = 22050)
    {
        var ms = new MemoryStream();
        WavFile.Encode(ms, new AudioClip(samples, channels, rate));
        return ms.ToArray();
    }

    [Fact]
    public void BadInputsAreSkippedWithTheirReason()
    {
        var good = Wav([.. Enumerable.Range(0, 22050).Select(n => 0.3f * MathF.Sin(n * 0.05f))]);
        var cases = new (byte[] Bytes, string Ext, string Reason)[]
        {
            (good[..30], ".wav", "corrupt wav"),
            (Wav([]), ".wav", "empty audio"),
            (Wav(new float[22050]), ".wav", "silent"),
            (Wav([.. new float[22050], 0.5f, -0.5f, .. new float[100]]), ".wav", "too short after trimming"),
            ("OggS-not-really"u8.ToArray(), ".ogg", "corrupt ogg"),
        };
        foreach (var (bytes, ext, reason) in cases)
        {
            var output = Convert(bytes, ext);
            Assert.Empty(output.Items);
            Assert.Equal(1, output.Skipped.GetValueOrDefault(reason));
        }
    }

    [Fact]
    public void StereoWavBecomesANormalisedMonoClipAtTheDatasetRate()
    {
        var stereo = Enumerable.Range(0, 2 * 44100 * 3).Select(n => n % 2 == 0 ? 0.1f * MathF.Sin(n * 0.01f) + 0.05f : 0.1f * MathF.Sin(n * 0.01f)).ToArray();
        var output = Convert(Wav(stereo, 2, 44100), ".wav");
        Assert.Empty(output.Skipped);
        Assert.Equal(2, output.Items.Count); // 3 s of sound: a 2 s clip and a 1 s window
        var clip = WavFile.Read(Path.Combine(output.Directory, output.Items[0].File));
        Assert.Equal(16000, clip.SampleRate);
        Assert.Equal(1, clip.Channels);
        Assert.Equal(2.0, clip.Seconds, 2);
        Assert.InRange(clip.Samples.Max(Math.Abs), 0.85f, 0.9f); // −1 dBFS
        Assert.True(Math.Abs(clip.Samples.Average()) < 0.01); // DC removed
    }
}

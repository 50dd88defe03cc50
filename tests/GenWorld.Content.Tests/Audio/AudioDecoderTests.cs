using GenWorld.Content.Audio;
using GenWorld.Content.Datasets;
using GenWorld.Core.Audio;

namespace GenWorld.Content.Tests.Audio;

public sealed class AudioDecoderTests
{
    [Fact]
    public void FixtureWavClipsDecodeAsMono16kWithSound()
    {
        foreach (var kind in new[] { "notes", "sfx" })
        {
            var ds = Dataset.Open(TestPaths.Fixture(kind));
            Assert.True(ds.Items.Count >= 24, $"{kind} fixture has only {ds.Items.Count} clips");
            foreach (var item in ds.Items)
            {
                var clip = AudioDecoder.Load(ds.PathOf(item));
                Assert.Equal(1, clip.Channels);
                Assert.Equal(item.SampleRate, clip.SampleRate);
                Assert.Equal(item.DurationSeconds!.Value, clip.Seconds, 3);
                Assert.InRange(clip.Seconds, 0.05, 1.0001);
                Assert.True(AudioDsp.PeakDb(clip.Samples) > -50, $"{item.Id} is near-silent");
            }
        }
    }

    [Fact]
    public void FixtureOggSourcesDecodeWithNVorbis()
    {
        var files = Directory.GetFiles(TestPaths.Fixture("sources"), "*.og?");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var clip = AudioDecoder.Load(file);
            Assert.InRange(clip.SampleRate, 8000, 48000);
            Assert.InRange(clip.Seconds, 0.05, 30);
            Assert.True(AudioDsp.PeakDb(clip.Samples) > -30, $"{file} decodes to near-silence");
            // The decode must match the same stream's WAV re-encoding within 16-bit rounding.
            var wav = new MemoryStream();
            WavFile.Encode(wav, clip);
            var again = WavFile.Decode(wav.ToArray());
            Assert.Equal(clip.Samples.Length, again.Samples.Length);
            Assert.True(clip.Samples.Zip(again.Samples).Max(p => Math.Abs(Math.Clamp(p.First, -1, 1) - p.Second)) < 1e-4);
        }
    }

    [Fact]
    public void TruncatedOggFailsWithAReasonOrKeepsOnlyWhatIsThere()
    {
        var file = Directory.GetFiles(TestPaths.Fixture("sources"), "*.og?").First();
        var bytes = File.ReadAllBytes(file);
        var full = AudioDecoder.Load(file);
        try
        {
            var partial = AudioDecoder.Decode(bytes[..(bytes.Length / 2)], Path.GetExtension(file));
            Assert.True(partial.Frames < full.Frames);
        }
        catch (AudioDecodeException e)
        {
            Assert.True(e.Reason is "corrupt ogg" or "empty audio", e.Reason);
        }
        var e2 = Assert.Throws<AudioDecodeException>(() => AudioDecoder.Decode(bytes[..20], ".ogg"));
        Assert.True(e2.Reason is "corrupt ogg" or "empty audio", e2.Reason);
    }

    [Fact]
    public void CorruptAndEmptyWavGiveCountableReasons()
    {
        var garbage = new byte[1000];
        new Random(1).NextBytes(garbage);
        Assert.Equal("corrupt wav", Assert.Throws<AudioDecodeException>(() => AudioDecoder.Decode(garbage, ".wav")).Reason);
        var empty = new MemoryStream();
        WavFile.Encode(empty, new AudioClip([], 1, 16000));
        Assert.Equal("empty audio", Assert.Throws<AudioDecodeException>(() => AudioDecoder.Decode(empty.ToArray(), ".wav")).Reason);
        Assert.Equal("unsupported format .aiff", Assert.Throws<AudioDecodeException>(() => AudioDecoder.Decode(garbage, ".aiff")).Reason);
        // MP3 is read (NLayer): random bytes hold no frame, which is a countable reason, not a crash.
        var mp3 = Assert.Throws<AudioDecodeException>(() => AudioDecoder.Decode(garbage, ".mp3")).Reason;
        Assert.True(mp3 is "corrupt mp3" or "empty audio", mp3);
    }
}

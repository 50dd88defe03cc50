using System.Diagnostics;
using GenWorld.Content.Audio;
using GenWorld.Core.Audio;

namespace GenWorld.Content.Tests.Audio;

public sealed class FlacTests
{
    [Fact]
    public void FlacMadeInTheTestDecodesToTheSameSamples()
    {
        var dir = TestPaths.NewTempDir();
        var wav = Path.Combine(dir, "tone.wav");
        var flac = Path.Combine(dir, "tone.flac");
        var samples = Enumerable.Range(0, 2 * 22050).Select(n => 0.4f * MathF.Sin(n * (n % 2 == 0 ? 0.03f : 0.07f))).ToArray();
        WavFile.Write(wav, new AudioClip(samples, 2, 22050));
        using (var p = Process.Start(new ProcessStartInfo("ffmpeg", ["-v", "error", "-y", "-i", wav, flac]) { RedirectStandardError = true })!)
        {
            p.WaitForExit();
            Assert.Equal(0, p.ExitCode);
        }
        var decoded = AudioDecoder.Load(flac);
        var reference = WavFile.Read(wav);
        Assert.Equal(2, decoded.Channels);
        Assert.Equal(22050, decoded.SampleRate);
        Assert.Equal(reference.Samples.Length, decoded.Samples.Length);
        Assert.True(reference.Samples.Zip(decoded.Samples).Max(x => Math.Abs(x.First - x.Second)) < 1e-4); // FLAC is lossless

        var truncated = File.ReadAllBytes(flac)[..40];
        var e = Assert.Throws<AudioDecodeException>(() => AudioDecoder.Decode(truncated, ".flac"));
        Assert.True(e.Reason is "corrupt flac" or "empty audio", e.Reason);
    }
}

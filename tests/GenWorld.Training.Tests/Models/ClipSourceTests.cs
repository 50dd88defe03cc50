using GenWorld.Core.Audio;
using GenWorld.Training.Data;

namespace GenWorld.Training.Tests.Models;

public sealed class ClipSourceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gw-clips-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ReadsWavFolderWithLabelsInPathOrder()
    {
        TinyVaeData.WriteFolder(_dir, count: 5, sampleRate: 22050, length: 4096);
        var source = new WavFolderClipSource(_dir);
        var clips = source.Load();
        Assert.Equal(["note00.wav", "note01.wav", "note02.wav", "note03.wav", "note04.wav"], clips.Select(c => c.Id));
        Assert.Equal("61", clips[1].Labels["pitch"]);
        Assert.StartsWith("wav-", source.Version);
        var prepared = ClipPreparer.Prepare(clips, TinyVaeData.Representation);
        // 4096 samples at 22.05 kHz resample to 2972 at 16 kHz, then crop to the 2048-sample clip.
        Assert.All(prepared, p => Assert.Equal(2048, p.Waveform.Length));
        Assert.Equal(61, prepared[1].Pitch);
    }

    [Fact]
    public void BadInputIsNamed()
    {
        Assert.Contains("holds no .wav files", Assert.Throws<InvalidDataException>(() => new WavFolderClipSource(_dir).Load()).Message);
        File.WriteAllText(Path.Combine(_dir, "broken.wav"), "not a wav");
        Assert.Contains("broken.wav", Assert.Throws<InvalidDataException>(() => new WavFolderClipSource(_dir).Load()).Message);
        File.Delete(Path.Combine(_dir, "broken.wav"));
        WavFile.Write(Path.Combine(_dir, "a.wav"), new AudioClip(new float[100], 1, 16000));
        File.WriteAllText(Path.Combine(_dir, WavFolderClipSource.LabelsFile), "file,pitch\na.wav,C4\n");
        var clips = new WavFolderClipSource(_dir).Load();
        Assert.Contains("pitch='C4'", Assert.Throws<InvalidDataException>(() => ClipPreparer.Prepare(clips, TinyVaeData.Representation)).Message);
    }

    [Fact]
    public void Clips_are_cropped_before_they_are_resampled()
    {
        // 16,000 samples "at 8 kHz" would become 32,000 at 16 kHz; only the 16,384 kept are computed, equal to a full resample's start.
        float[] clip = [.. Enumerable.Range(0, 16_000).Select(i => MathF.Sin(i * 0.01f))];
        float[] cropped = ClipPreparer.Resample(clip, 8000, 16000, 16_384);
        Assert.Equal(16_384, cropped.Length);
        Assert.Equal(ClipPreparer.Resample(clip, 8000, 16000)[..16_384], cropped);
        // A source rate of 1 Hz (a damaged header that slipped past) is refused, naming the rate, before any filter is designed.
        Assert.Contains("1 Hz", Assert.Throws<InvalidDataException>(() => ClipPreparer.Resample(clip, 1, 16000, 16_384)).Message);
    }

    [Fact]
    public void Resampling_down_removes_what_lies_above_the_new_nyquist()
    {
        // A 7 kHz tone at 16 kHz taken to 8 kHz: it has no place below the new 4 kHz Nyquist. Linear interpolation folded it
        // to 1 kHz at nearly full level; the windowed-sinc resampler leaves less than -60 dB of it.
        float[] tone = [.. Enumerable.Range(0, 16_000).Select(i => 0.5f * MathF.Sin(2 * MathF.PI * 7000 * i / 16000f))];
        float[] down = ClipPreparer.Resample(tone, 16000, 8000);
        Assert.Equal(8000, down.Length);
        double rms = Math.Sqrt(down.AsSpan(500, 7000).ToArray().Average(x => (double)x * x));
        Assert.True(20 * Math.Log10(rms / (0.5 / Math.Sqrt(2))) < -60, $"alias at {20 * Math.Log10(rms / (0.5 / Math.Sqrt(2))):F1} dB");
        Assert.Contains("1 of 2 clips", ClipPreparer.CroppedNote(
            [new ClipItem("short", new float[8000], 16000, new Dictionary<string, string>()), new ClipItem("long", tone, 16000, new Dictionary<string, string>())], 12_000, 16000));
    }
}

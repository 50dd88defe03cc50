using System.Globalization;
using GenWorld.Core.Audio;
using GenWorld.Core.Tests.Dsp;
using GenWorld.Training.Data;
using GenWorld.Training.SoundGan;
using GenWorld.Training.Tests.Models;

namespace GenWorld.Training.Tests.SoundGan;

/// <summary>Synthetic labelled notes for fast sound-GAN tests: pitches 60..63, two "families" that differ in harmonics.</summary>
internal static class TinySoundGanData
{
    public static readonly SoundGanConfig Settings = new()
    {
        LatentSize = 8, GeneratorChannels = 32, DiscriminatorChannels = 2, BatchSize = 4, LearningRate = 1e-3, R1Every = 2,
    };

    public static string WriteFolder(string dir, int count = 12)
    {
        Directory.CreateDirectory(dir);
        var rows = new List<(string, IReadOnlyList<string>)>();
        for (int i = 0; i < count; i++)
        {
            int pitch = 60 + i % 4;
            string family = i % 2 == 0 ? "flute" : "reed";
            string file = $"note{i:D2}.wav";
            float[] note = TestSignals.Note(2048, TinyVaeData.Hz(pitch), 16000, harmonics: family == "flute" ? 1 : 5, seed: i);
            WavFile.Write(Path.Combine(dir, file), new AudioClip(note, 1, 16000));
            rows.Add((file, [pitch.ToString(CultureInfo.InvariantCulture), family]));
        }
        WavFolderClipSource.WriteLabels(dir, ["pitch", "family"], rows);
        return dir;
    }

    public static IReadOnlyList<PreparedClip> Load(string dir) =>
        ClipPreparer.Prepare(new WavFolderClipSource(dir).Load(), TinyVaeData.Representation);

    public static Training.SoundGan.SoundGan Gan(IReadOnlyList<PreparedClip> clips, SoundGanConfig? settings = null) =>
        new(Training.SoundGan.SoundGan.ConfigFor(clips, TinyVaeData.Representation, settings ?? Settings), TinyVaeData.Representation, clips, "test-v1", "CC0-1.0");
}

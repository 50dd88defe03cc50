using GenWorld.Core.Audio;
using GenWorld.Core.Dsp;
using GenWorld.Training.Data;
using GenWorld.Training.Tests.Dsp;

namespace GenWorld.Training.Tests.Models;

/// <summary>Tiny sizes for fast VAE tests: 2048-sample clips, n_fft 128, hop 32 → 2 × 64 × 64; synthetic notes (unit tests only).</summary>
internal static class TinyVaeData
{
    public static readonly SpectralRepresentation Representation = new(2048, 128, 32);

    public static double Hz(int midi) => 440 * Math.Pow(2, (midi - 69) / 12.0);

    /// <summary>Writes a WAV folder with labels.csv: <paramref name="count"/> notes over pitches 60..63.</summary>
    public static string WriteFolder(string dir, int count = 10, int sampleRate = 16000, int length = 2048)
    {
        Directory.CreateDirectory(dir);
        var rows = new List<(string, IReadOnlyList<string>)>();
        for (int i = 0; i < count; i++)
        {
            int pitch = 60 + i % 4;
            string file = $"note{i:D2}.wav";
            WavFile.Write(Path.Combine(dir, file), new AudioClip(TestSignals.Note(length, Hz(pitch), sampleRate, harmonics: 2 + i % 3, seed: i), 1, sampleRate));
            rows.Add((file, [pitch.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        }
        WavFolderClipSource.WriteLabels(dir, ["pitch"], rows);
        return dir;
    }

    public static IReadOnlyList<PreparedClip> Load(string dir) =>
        ClipPreparer.Prepare(new WavFolderClipSource(dir).Load(), Representation);
}

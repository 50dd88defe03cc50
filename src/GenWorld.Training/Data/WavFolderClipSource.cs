using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GenWorld.Core.Audio;

namespace GenWorld.Training.Data;

/// <summary>
/// Every *.wav under a folder (sorted by relative path, so the order and thus training are reproducible), with optional
/// labels from labels.csv in the folder: a header "file,label1,label2,..." then one row per file (relative path).
/// </summary>
public sealed class WavFolderClipSource(string directory, string licence = "") : IClipSource
{
    /// <summary>Optional labels file name.</summary>
    public const string LabelsFile = "labels.csv";

    /// <inheritdoc />
    public string Description => directory;

    /// <inheritdoc />
    public string Licence => licence;

    /// <inheritdoc />
    public string Version
    {
        get
        {
            var hash = new StringBuilder();
            foreach (string f in Files()) hash.Append(Relative(f)).Append(':').Append(new FileInfo(f).Length).Append('\n');
            return "wav-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(hash.ToString())))[..16].ToLowerInvariant();
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<ClipItem> Load()
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"dataset folder {directory} does not exist.");
        var labels = ReadLabels();
        var items = new List<ClipItem>();
        foreach (string file in Files())
        {
            AudioClip clip;
            try { clip = WavFile.Read(file).ToMono(); }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException or NotSupportedException)
            {
                throw new InvalidDataException($"{file}: not a readable WAV file ({e.Message}).", e);
            }
            string rel = Relative(file);
            items.Add(new ClipItem(rel, clip.Samples, clip.SampleRate, labels.GetValueOrDefault(rel) ?? new Dictionary<string, string>()));
        }
        if (items.Count == 0) throw new InvalidDataException($"dataset folder {directory} holds no .wav files.");
        return items;
    }

    private IEnumerable<string> Files() =>
        Directory.EnumerateFiles(directory, "*.wav", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    private string Relative(string file) => Path.GetRelativePath(directory, file).Replace('\\', '/');

    // One parser of labels.csv for training on a WAV folder and for `dataset import`.
    private Dictionary<string, Dictionary<string, string>> ReadLabels() => GenWorld.Content.Import.LabelsCsv.Read(Path.Combine(directory, LabelsFile));

    /// <summary>Writes labels.csv for <paramref name="rows"/> (file → labels); used by tests and tools that make folders.</summary>
    public static void WriteLabels(string directory, IReadOnlyList<string> columns, IEnumerable<(string File, IReadOnlyList<string> Values)> rows)
    {
        var text = new StringBuilder("file," + string.Join(',', columns) + "\n");
        foreach ((string file, IReadOnlyList<string> values) in rows)
            text.Append(file).Append(',').Append(string.Join(',', values.Select(v => v.ToString(CultureInfo.InvariantCulture)))).Append('\n');
        Core.IO.AtomicFile.WriteAllText(Path.Combine(directory, LabelsFile), text.ToString());
    }
}

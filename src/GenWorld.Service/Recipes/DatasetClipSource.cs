using GenWorld.Content.Datasets;
using GenWorld.Core.Audio;
using GenWorld.Training.Data;

namespace GenWorld.Service.Recipes;

/// <summary>Adapts a built GenWorld dataset (dataset.json + manifest.jsonl + clips) to the trainer's <see cref="IClipSource"/>.</summary>
public sealed class DatasetClipSource(Dataset dataset) : IClipSource
{
    /// <inheritdoc />
    public string Description => dataset.Directory;

    /// <inheritdoc />
    public string Version => dataset.Info.Version;

    /// <inheritdoc />
    public string Licence => string.Join(" AND ", dataset.Info.Sources.Select(s => s.Licence).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    /// <inheritdoc />
    public IReadOnlyList<ClipItem> Load()
    {
        if (dataset.Items.Count == 0) throw new InvalidDataException($"{dataset.Directory}: the dataset has no items.");
        return [.. dataset.Items.Select(item =>
        {
            string path = dataset.PathOf(item);
            if (!path.EndsWith(".wav", StringComparison.OrdinalIgnoreCase))
                throw new InvalidDataException($"{path}: item {item.Id} is not a WAV clip (kind {item.Kind}); sound models need an audio dataset.");
            AudioClip clip = WavFile.Read(path).ToMono();
            return new ClipItem(item.Id, clip.Samples, clip.SampleRate, item.Labels);
        })];
    }

    /// <summary>A built dataset when the folder has dataset.json, else a plain folder of WAV files.</summary>
    public static IClipSource Open(string dir) =>
        File.Exists(Path.Combine(dir, DatasetInfo.FileName)) ? new DatasetClipSource(Dataset.Open(dir)) : new WavFolderClipSource(dir);
}

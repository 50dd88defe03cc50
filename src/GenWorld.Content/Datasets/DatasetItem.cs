namespace GenWorld.Content.Datasets;

/// <summary>One clip or tile of a dataset: a line of <c>manifest.jsonl</c>.</summary>
/// <param name="Id">Stable identifier, unique in the dataset; also the file's base name.</param>
/// <param name="File">Path of the item's file relative to the dataset folder (forward slashes).</param>
/// <param name="Kind">Dataset kind: <c>notes</c>, <c>sfx</c> or <c>textures</c>.</param>
/// <param name="Labels">Labels by key (notes: program, family, pitch, velocity, font; sfx: category; textures: group).</param>
/// <param name="PrimaryLabel">The label key that datasets count and balance by (e.g. <c>family</c>).</param>
/// <param name="SourcePackage">Debian package the item was made from.</param>
/// <param name="Licence">Licence of the source material, as recorded from the package's copyright file.</param>
/// <param name="SourcePath">Path of the source file inside the package (or inside an archive in it).</param>
public sealed record DatasetItem(
    string Id,
    string File,
    string Kind,
    IReadOnlyDictionary<string, string> Labels,
    string PrimaryLabel,
    string SourcePackage,
    string Licence,
    string SourcePath)
{
    /// <summary>Audio length in seconds (audio kinds).</summary>
    public double? DurationSeconds { get; init; }

    /// <summary>Audio sample rate in Hz (audio kinds).</summary>
    public int? SampleRate { get; init; }

    /// <summary>Image width in pixels (image kinds).</summary>
    public int? Width { get; init; }

    /// <summary>Image height in pixels (image kinds).</summary>
    public int? Height { get; init; }

    /// <summary>The value of the primary label (empty when the item lacks it).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string PrimaryValue => Labels.TryGetValue(PrimaryLabel, out var v) ? v : "";
}

using System.Text.Json;
using GenWorld.Core.IO;

namespace GenWorld.Content.Datasets;

/// <summary><c>dataset.json</c>: what a finished dataset is. Its presence (and validity) is what makes a folder a dataset.</summary>
public sealed record DatasetInfo
{
    /// <summary>File name inside a dataset folder.</summary>
    public const string FileName = "dataset.json";

    /// <summary>Dataset kind: notes, sfx or textures.</summary>
    public required string Kind { get; init; }

    /// <summary>First 16 hex digits of the SHA-256 of <c>manifest.jsonl</c>.</summary>
    public required string Version { get; init; }

    /// <summary>Total number of items.</summary>
    public required int ItemCount { get; init; }

    /// <summary>The label key counted in <see cref="Counts"/>.</summary>
    public required string PrimaryLabel { get; init; }

    /// <summary>Items per value of the primary label.</summary>
    public required SortedDictionary<string, int> Counts { get; init; }

    /// <summary>Build parameters (size, rate, tile sizes...), as strings.</summary>
    public required SortedDictionary<string, string> Parameters { get; init; }

    /// <summary>UTC time the dataset was published.</summary>
    public required DateTimeOffset CreatedUtc { get; init; }

    /// <summary>Packages used, with version and licence summary.</summary>
    public required List<SourcePackageInfo> Sources { get; init; }

    /// <summary>What the build skipped, and why.</summary>
    public required BuildReportData Report { get; init; }

    /// <summary>Writes <c>dataset.json</c> atomically into <paramref name="dir"/>.</summary>
    public void Write(string dir) =>
        AtomicFile.WriteAllText(Path.Combine(dir, FileName), JsonSerializer.Serialize(this, DatasetJson.Indented));

    /// <summary>Reads <c>dataset.json</c>; throws <see cref="DatasetException"/> if missing or invalid.</summary>
    public static DatasetInfo Read(string dir)
    {
        var path = Path.Combine(dir, FileName);
        if (!File.Exists(path))
            throw new DatasetException($"{dir} is not a dataset: {FileName} is missing (an unfinished build never writes it)");
        try
        {
            var info = JsonSerializer.Deserialize<DatasetInfo>(File.ReadAllText(path), DatasetJson.Options);
            return info ?? throw new DatasetException($"{path}: empty");
        }
        catch (JsonException e)
        {
            throw new DatasetException($"{path}: not a valid dataset description ({e.Message})", e);
        }
    }
}

/// <summary>A Debian package a dataset was built from.</summary>
/// <param name="Package">Package name.</param>
/// <param name="Version">Package version as apt reports it.</param>
/// <param name="Licence">Licence summary recorded for the items taken from it.</param>
/// <param name="Items">Items taken from this package.</param>
public sealed record SourcePackageInfo(string Package, string Version, string Licence, int Items);

/// <summary>Serialisable build report: items written and skipped by reason.</summary>
/// <param name="Written">Items written.</param>
/// <param name="Skipped">Skipped inputs counted by reason (e.g. "near-silent", "flac unsupported").</param>
/// <param name="Messages">Build-level messages (e.g. a package that could not be fetched).</param>
/// <param name="BuildSeconds">Wall-clock time of the build (all resumed runs summed is not tracked; this run only).</param>
public sealed record BuildReportData(int Written, SortedDictionary<string, int> Skipped, List<string> Messages, double BuildSeconds);

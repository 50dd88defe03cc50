using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GenWorld.Core.IO;

namespace GenWorld.Content.Datasets;

/// <summary><c>manifest.jsonl</c>: one <see cref="DatasetItem"/> per line; its SHA-256 names the dataset version.</summary>
public static class Manifest
{
    /// <summary>File name of the manifest inside a dataset folder.</summary>
    public const string FileName = "manifest.jsonl";

    /// <summary>Serialises one item as a single JSON line (no trailing newline).</summary>
    public static string ToLine(DatasetItem item) => JsonSerializer.Serialize(item, DatasetJson.Options);

    /// <summary>Parses one manifest line; throws <see cref="DatasetException"/> naming the line when it is not a valid item.</summary>
    public static DatasetItem FromLine(string line, int lineNumber = 0)
    {
        DatasetItem? item;
        try { item = JsonSerializer.Deserialize<DatasetItem>(line, DatasetJson.Options); }
        catch (JsonException e) { throw new DatasetException($"{FileName} line {lineNumber}: not valid JSON ({e.Message})", e); }
        if (item is null || string.IsNullOrEmpty(item.Id) || string.IsNullOrEmpty(item.File) || item.Labels is null)
            throw new DatasetException($"{FileName} line {lineNumber}: item lacks id, file or labels");
        return item;
    }

    /// <summary>The manifest text for these items, sorted by id so the same content gives the same version.</summary>
    public static string Serialise(IEnumerable<DatasetItem> items)
    {
        var sb = new StringBuilder();
        foreach (var item in items.OrderBy(i => i.Id, StringComparer.Ordinal))
            sb.Append(ToLine(item)).Append('\n');
        return sb.ToString();
    }

    /// <summary>Writes the manifest atomically and returns its version (see <see cref="Version"/>).</summary>
    public static string Write(string path, IEnumerable<DatasetItem> items)
    {
        var bytes = Encoding.UTF8.GetBytes(Serialise(items));
        AtomicFile.WriteAllBytes(path, bytes);
        return Version(bytes);
    }

    /// <summary>Reads every item; throws <see cref="DatasetException"/> on the first bad line.</summary>
    public static List<DatasetItem> Read(string path)
    {
        var items = new List<DatasetItem>();
        var n = 0;
        foreach (var line in File.ReadLines(path))
        {
            n++;
            if (line.Length > 0) items.Add(FromLine(line, n));
        }
        return items;
    }

    /// <summary>Dataset version: the first 16 hex digits of the manifest bytes' SHA-256.</summary>
    public static string Version(ReadOnlySpan<byte> manifestBytes) =>
        Convert.ToHexStringLower(SHA256.HashData(manifestBytes))[..16];
}

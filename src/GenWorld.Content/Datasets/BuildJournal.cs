using System.Text;
using System.Text.Json;

namespace GenWorld.Content.Datasets;

/// <summary>
/// <c>progress.jsonl</c> in the staging folder: one line per finished work unit, appended and flushed to disk only after
/// the unit's files are written. A unit without a line is redone on resume; a torn last line is ignored.
/// </summary>
internal sealed class BuildJournal : IDisposable
{
    public const string FileName = "progress.jsonl";
    private readonly FileStream _stream;
    private readonly object _gate = new();

    public sealed record Entry(string Unit, List<DatasetItem> Items, SortedDictionary<string, int> Skipped);

    private BuildJournal(FileStream stream) => _stream = stream;

    /// <summary>Reads the finished units recorded in <paramref name="stagingDir"/>, then opens the journal for appending.</summary>
    public static BuildJournal Open(string stagingDir, out Dictionary<string, Entry> done)
    {
        var path = Path.Combine(stagingDir, FileName);
        done = new Dictionary<string, Entry>(StringComparer.Ordinal);
        if (File.Exists(path))
        {
            foreach (var line in File.ReadLines(path))
            {
                Entry? entry = null;
                try { entry = JsonSerializer.Deserialize<Entry>(line, DatasetJson.Options); }
                catch (JsonException) { } // a line torn by a kill: that unit is simply redone
                if (entry?.Unit is not null && entry.Items is not null) done[entry.Unit] = entry;
            }
        }
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        // A torn line would glue itself to the next entry; start on a fresh line.
        if (stream.Length > 0) stream.Write("\n"u8);
        return new BuildJournal(stream);
    }

    public void Record(Entry entry)
    {
        var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, DatasetJson.Options) + "\n");
        lock (_gate)
        {
            _stream.Write(bytes);
            _stream.Flush(flushToDisk: true);
        }
    }

    public void Dispose() => _stream.Dispose();
}

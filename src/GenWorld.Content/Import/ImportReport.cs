using System.Collections.Concurrent;
using System.Text.Json;
using GenWorld.Content.Datasets;
using GenWorld.Core.IO;

namespace GenWorld.Content.Import;

/// <summary>One line of the import report: what became of one file or folder entry.</summary>
/// <param name="File">Path relative to the import folder.</param>
/// <param name="Outcome">imported; skipped (an audio file or image that gave nothing); duplicate; ignored (another kind of file, a folder link loop).</param>
/// <param name="Reason">Why it was skipped (empty when imported).</param>
/// <param name="Clips">Clips it gave (tiles, for an image).</param>
/// <param name="Seconds">Decoded length in seconds (0 when it could not be decoded, and for images).</param>
public sealed record ImportReportLine(string File, string Outcome, string Reason, int Clips, double Seconds);

/// <summary><c>import-report.json</c>: every file of an import, the totals and the speed.</summary>
/// <param name="Source">The import folder.</param>
/// <param name="Dataset">The dataset folder written.</param>
/// <param name="Files">Files of the imported kind found (audio files, or images).</param>
/// <param name="Imported">Files that gave at least one clip or tile.</param>
/// <param name="Skipped">Files that gave nothing (corrupt, empty, silent, too small...), each named in <paramref name="Lines"/>.</param>
/// <param name="Ignored">Other entries left out (files of another kind, link loops, unreadable folders), each named too.</param>
/// <param name="Clips">Clips (or tiles) in the dataset.</param>
/// <param name="AudioSeconds">Seconds of audio decoded (0 for images).</param>
/// <param name="Seconds">Wall-clock time of the import.</param>
/// <param name="FilesPerSecond">Files of the imported kind per second.</param>
/// <param name="AudioSecondsPerSecond">Seconds of audio decoded per second.</param>
/// <param name="Lines">One line per entry, by path.</param>
public sealed record ImportReportData(string Source, string Dataset, int Files, int Imported, int Skipped, int Ignored, int Clips, double AudioSeconds,
    double Seconds, double FilesPerSecond, double AudioSecondsPerSecond, IReadOnlyList<ImportReportLine> Lines)
{
    /// <summary>File name in the dataset folder.</summary>
    public const string FileName = "import-report.json";

    /// <summary>What was imported: <c>sounds</c> or <c>textures</c>.</summary>
    public string Kind { get; init; } = "sounds";

    /// <summary>How the kind was chosen and what was left out, for a folder of sounds and images ("" otherwise).</summary>
    public string KindNote { get; init; } = "";

    /// <summary>Writes the report atomically into <paramref name="dir"/>.</summary>
    public void Write(string dir) => AtomicFile.WriteAllText(Path.Combine(dir, FileName), JsonSerializer.Serialize(this, DatasetJson.Indented));
}

/// <summary>Thread-safe collector of <see cref="ImportReportLine"/>s while the import's units run.</summary>
/// <param name="sameAs">How a duplicate is said to repeat another file ("sounds the same as", "has the same bytes as").</param>
public sealed class ImportLog(string sameAs = "sounds the same as")
{
    private readonly ConcurrentDictionary<string, ImportReportLine> _lines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedDictionary<string, int>> _duplicates = new(StringComparer.Ordinal);

    /// <summary>Records (or replaces) the line of <paramref name="line"/>.File.</summary>
    public void Add(ImportReportLine line) => _lines[line.File] = line;

    /// <summary>Counts one of a file's clips as a dropped near-duplicate of a clip from <paramref name="of"/>.</summary>
    public void Duplicate(string file, string of)
    {
        lock (_duplicates)
        {
            var counts = _duplicates.TryGetValue(file, out var c) ? c : _duplicates[file] = new SortedDictionary<string, int>(StringComparer.Ordinal);
            counts[of] = counts.GetValueOrDefault(of) + 1;
        }
    }

    /// <summary>Every line, by path, with its dropped near-duplicates folded in.</summary>
    public IReadOnlyList<ImportReportLine> Lines
    {
        get
        {
            var lines = new List<ImportReportLine>();
            foreach (var line in _lines.Values.OrderBy(l => l.File, StringComparer.Ordinal))
            {
                SortedDictionary<string, int>? dups;
                lock (_duplicates) dups = _duplicates.GetValueOrDefault(line.File);
                if (dups is null) { lines.Add(line); continue; }
                var dropped = dups.Values.Sum();
                var of = string.Join(", ", dups.Select(d => d.Key == line.File ? "earlier clips of the same file" : d.Key));
                lines.Add(dropped >= line.Clips
                    ? line with { Outcome = "duplicate", Reason = AppendReason(line.Reason, $"{sameAs} {of}"), Clips = 0 }
                    : line with { Reason = AppendReason(line.Reason, $"{dropped} clip(s) dropped as near-duplicates of {of}"), Clips = line.Clips - dropped });
            }
            return lines;
        }
    }

    private static string AppendReason(string reason, string more) => reason.Length == 0 ? more : reason + "; " + more;
}

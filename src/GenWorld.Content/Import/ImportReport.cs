using System.Collections.Concurrent;
using System.Text.Json;
using GenWorld.Content.Datasets;
using GenWorld.Core.IO;

namespace GenWorld.Content.Import;

/// <summary>One line of the import report: what became of one file or folder entry.</summary>
/// <param name="File">Path relative to the import folder.</param>
/// <param name="Outcome">imported; skipped (an audio file that gave nothing); duplicate; ignored (not audio, a folder link loop).</param>
/// <param name="Reason">Why it was skipped (empty when imported).</param>
/// <param name="Clips">Clips it gave.</param>
/// <param name="Seconds">Decoded length in seconds (0 when it could not be decoded).</param>
public sealed record ImportReportLine(string File, string Outcome, string Reason, int Clips, double Seconds);

/// <summary><c>import-report.json</c>: every file of an import, the totals and the speed.</summary>
/// <param name="Source">The import folder.</param>
/// <param name="Dataset">The dataset folder written.</param>
/// <param name="Files">Audio files found.</param>
/// <param name="Imported">Files that gave at least one clip.</param>
/// <param name="Skipped">Audio files that gave no clip (corrupt, empty, silent...), each named in <paramref name="Lines"/>.</param>
/// <param name="Ignored">Other entries left out (not audio, link loops, unreadable folders), each named too.</param>
/// <param name="Clips">Clips in the dataset.</param>
/// <param name="AudioSeconds">Seconds of audio decoded.</param>
/// <param name="Seconds">Wall-clock time of the import.</param>
/// <param name="FilesPerSecond">Audio files per second.</param>
/// <param name="AudioSecondsPerSecond">Seconds of audio decoded per second.</param>
/// <param name="Lines">One line per entry, by path.</param>
public sealed record ImportReportData(string Source, string Dataset, int Files, int Imported, int Skipped, int Ignored, int Clips, double AudioSeconds,
    double Seconds, double FilesPerSecond, double AudioSecondsPerSecond, IReadOnlyList<ImportReportLine> Lines)
{
    /// <summary>File name in the dataset folder.</summary>
    public const string FileName = "import-report.json";

    /// <summary>Writes the report atomically into <paramref name="dir"/>.</summary>
    public void Write(string dir) => AtomicFile.WriteAllText(Path.Combine(dir, FileName), JsonSerializer.Serialize(this, DatasetJson.Indented));
}

/// <summary>Thread-safe collector of <see cref="ImportReportLine"/>s while the import's units run.</summary>
public sealed class ImportLog
{
    private readonly ConcurrentDictionary<string, ImportReportLine> _lines = new(StringComparer.Ordinal);

    /// <summary>Records (or replaces) the line of <paramref name="line"/>.File.</summary>
    public void Add(ImportReportLine line) => _lines[line.File] = line;

    /// <summary>Marks a file's clips as dropped near-duplicates, naming the clip they repeat.</summary>
    public void Duplicate(string file, string of)
    {
        if (_lines.TryGetValue(file, out var line) && line.Clips > 1)
            _lines[file] = line with { Reason = AppendReason(line.Reason, $"a clip repeats {of}"), Clips = line.Clips - 1 };
        else
            _lines[file] = (line ?? new ImportReportLine(file, "", "", 0, 0)) with { Outcome = "duplicate", Reason = $"sounds the same as {of}", Clips = 0 };
    }

    /// <summary>Every line, by path.</summary>
    public IReadOnlyList<ImportReportLine> Lines => [.. _lines.Values.OrderBy(l => l.File, StringComparer.Ordinal)];

    private static string AppendReason(string reason, string more) => reason.Length == 0 ? more : reason + "; " + more;
}

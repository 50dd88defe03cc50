using GenWorld.Content.Datasets;

namespace GenWorld.Content.Import;

/// <summary>
/// The files of one kind under an import folder, for both import sources: every other entry (the other kind's files,
/// other file types, link loops) is one "ignored" line in the import report and, by its short reason, a skip in the card.
/// </summary>
internal sealed class ImportFolderWalk(ImportLog log)
{
    // Short reasons of the entries left out by the last walk, counted into the card when the build reviews its items.
    private readonly List<string> _skips = [];

    /// <summary>The files of <paramref name="kind"/> under <paramref name="folder"/>, in the walker's order.</summary>
    public IEnumerable<FoundFile> Files(string folder, ImportKind kind)
    {
        _skips.Clear();
        foreach (var file in ImportFileWalker.Walk(folder, Ignore))
        {
            if (ImportKinds.Of(file) == kind) yield return file;
            else Ignore(file.RelativePath, ImportKinds.LeftOutReason(file, kind));
        }
    }

    /// <summary>Counts the entries the last walk left out into <paramref name="report"/>.</summary>
    public void CountSkips(BuildReport report)
    {
        foreach (var reason in _skips) report.Skip(reason);
    }

    private void Ignore(string path, string reason)
    {
        _skips.Add(reason.Split(" (")[0].Split(';')[0]);
        log.Add(new ImportReportLine(path, "ignored", reason, 0, 0));
    }
}

namespace GenWorld.Content.Import;

/// <summary>A file found under an import folder.</summary>
/// <param name="FullPath">Path used to read it (inside the import folder, possibly through a followed folder link).</param>
/// <param name="RelativePath">Path relative to the import folder, forward slashes: names it in labels.csv and the report.</param>
public sealed record FoundFile(string FullPath, string RelativePath)
{
    /// <summary>Lower-case extension with its dot ("" when none).</summary>
    public string Extension => Path.GetExtension(FullPath).ToLowerInvariant();
}

/// <summary>
/// Lists the files under an import folder in a stable (ordinal) order, labels.csv and hidden entries left out. Folder
/// links are followed once (a link back to a folder already visited, a loop, is reported and not entered); broken links
/// and unreadable folders are reported through the skip callback, never thrown. Which files an import reads is the
/// caller's choice (<see cref="ImportKinds"/>): one walk serves sounds and images alike.
/// </summary>
public static class ImportFileWalker
{
    /// <summary>Walks <paramref name="root"/>; <paramref name="skip"/> gets (relative path, reason) for each entry left out.</summary>
    public static List<FoundFile> Walk(string root, Action<string, string> skip)
    {
        ArgumentNullException.ThrowIfNull(skip);
        var full = Path.GetFullPath(root);
        var files = new List<FoundFile>();
        var visited = new HashSet<string>(StringComparer.Ordinal) { RealPath(full) };
        var pending = new Stack<string>();
        pending.Push(full);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            IEnumerable<string> entries;
            try { entries = Directory.EnumerateFileSystemEntries(dir).Order(StringComparer.Ordinal).ToList(); }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                skip(Relative(full, dir), $"folder not readable ({e.Message})");
                continue;
            }
            var subfolders = new List<string>();
            foreach (var entry in entries)
            {
                var name = Path.GetFileName(entry);
                if (name.StartsWith('.')) continue;
                var relative = Relative(full, entry);
                if (Directory.Exists(entry))
                {
                    // A link resolving to a folder already on the walk would loop (or list files twice): reported, not entered.
                    if (!visited.Add(RealPath(entry))) skip(relative, "folder link loop (points to a folder already imported)");
                    else subfolders.Add(entry);
                    continue;
                }
                if (!File.Exists(entry))
                {
                    skip(relative, "broken link");
                    continue;
                }
                if (name.Equals(FolderLabels.LabelsFile, StringComparison.OrdinalIgnoreCase)) continue;
                files.Add(new FoundFile(entry, relative));
            }
            for (var i = subfolders.Count - 1; i >= 0; i--) pending.Push(subfolders[i]);
        }
        files.Sort((a, b) => StringComparer.Ordinal.Compare(a.RelativePath, b.RelativePath));
        return files;
    }

    private static string RealPath(string dir)
    {
        try { return Core.IO.RealPath.Resolve(dir); }
        catch (IOException) { return dir; } // too many link levels: a loop of links, entered no further than this name
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}

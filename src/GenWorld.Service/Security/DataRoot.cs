namespace GenWorld.Service.Security;

/// <summary>
/// Confines dataset paths to the configured data root: no ".." segments, no absolute paths elsewhere, and no symbolic
/// link (the folder itself, a parent, or any file inside it) whose real target lies outside the root.
/// </summary>
public sealed class DataRoot(string root)
{
    private const int MaxEntries = 500_000;

    /// <summary>The root's real path.</summary>
    public string Path { get; } = RealPath.Resolve(root);

    /// <summary>The dataset folder's real path, or null with <paramref name="error"/> naming the problem.</summary>
    public string? Resolve(string? dataset, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(dataset)) { error = "dataset: required (a folder under the data root, e.g. fixtures/notes)."; return null; }
        if (dataset.Length > 1024 || dataset.Any(char.IsControl)) { error = "dataset: not a usable path (too long or control characters)."; return null; }
        if (dataset.Replace('\\', '/').Split('/').Contains(".."))
        {
            error = $"dataset: '..' is not allowed; name a folder under the data root ({Path}).";
            return null;
        }
        string full = System.IO.Path.IsPathRooted(dataset) ? dataset : System.IO.Path.Combine(Path, dataset);
        string real;
        try { real = RealPath.Resolve(full); }
        catch (IOException e) { error = $"dataset: {e.Message}"; return null; }
        if (!RealPath.IsInside(real, Path))
        {
            error = $"dataset: '{dataset}' resolves to {real}, outside the data root {Path} (absolute paths and symbolic links must stay inside it).";
            return null;
        }
        if (!Directory.Exists(real)) { error = $"dataset: '{dataset}' is not a folder under the data root {Path}."; return null; }
        if (EscapingLink(real) is { } link)
        {
            error = $"dataset: '{dataset}' contains {link}, a symbolic link that points outside the data root.";
            return null;
        }
        return real;
    }

    private string? EscapingLink(string dir)
    {
        int seen = 0;
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true };
        foreach (FileSystemInfo entry in new DirectoryInfo(dir).EnumerateFileSystemInfos("*", options))
        {
            if (++seen > MaxEntries) return null;
            if (entry.LinkTarget is not null && !RealPath.IsInside(RealPath.Resolve(entry.FullName), Path))
                return System.IO.Path.GetRelativePath(dir, entry.FullName);
        }
        return null;
    }
}

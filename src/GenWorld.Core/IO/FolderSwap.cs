using GenWorld.Core.Native;

namespace GenWorld.Core.IO;

/// <summary>
/// Replaces a folder as a whole: the new content is written into a fresh temporary folder beside the target, then
/// swapped in atomically, and the old folder is removed. Nothing from an earlier version (stale anchors, an old
/// evaluation) is ever left beside the new files, and a crash mid-write leaves the old folder as it was.
/// </summary>
public static class FolderSwap
{
    /// <summary>Runs <paramref name="write"/> on a fresh folder beside <paramref name="target"/>, then puts it in <paramref name="target"/>'s place.</summary>
    public static void Replace(string target, Action<string> write)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        string parent = Path.GetDirectoryName(full)!, name = Path.GetFileName(full);
        Directory.CreateDirectory(parent);
        // Leftovers of an export killed before its swap never became a model: drop them.
        foreach (string stale in Directory.GetDirectories(parent, $".tmp-{name}-*").Concat(Directory.GetDirectories(parent, $".old-{name}-*")))
            Directory.Delete(stale, recursive: true);
        string temp = Path.Combine(parent, $".tmp-{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temp);
        try
        {
            write(temp);
        }
        catch
        {
            Directory.Delete(temp, recursive: true);
            throw;
        }
        if (!Directory.Exists(full))
        {
            Directory.Move(temp, full);
            return;
        }
        if (Libc.TryExchange(temp, full))
        {
            Directory.Delete(temp, recursive: true); // now holds the old content
            return;
        }
        string old = Path.Combine(parent, $".old-{name}-{Guid.NewGuid():N}");
        Directory.Move(full, old);
        Directory.Move(temp, full);
        Directory.Delete(old, recursive: true);
    }
}

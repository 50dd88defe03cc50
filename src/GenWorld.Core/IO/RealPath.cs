namespace GenWorld.Core.IO;

/// <summary>Resolves every symbolic link along a path (like realpath(3)), so confinement checks see where data really lives.</summary>
public static class RealPath
{
    private const int MaxLinks = 40;

    /// <summary>The path with every link resolved; components that do not exist are kept as written.</summary>
    public static string Resolve(string path)
    {
        int links = 0;
        return Resolve(Path.GetFullPath(path), ref links);
    }

    private static string Resolve(string full, ref int links)
    {
        string current = Path.GetPathRoot(full) ?? "/";
        foreach (string part in full[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            string next = Path.Combine(current, part);
            var info = new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                if (++links > MaxLinks) throw new IOException($"{full}: too many levels of symbolic links.");
                // A relative target is relative to the link's folder; the target may hold links of its own.
                next = Resolve(Path.GetFullPath(target, current), ref links);
            }
            current = next;
        }
        return current;
    }

    /// <summary>True when <paramref name="real"/> is <paramref name="rootReal"/> or inside it.</summary>
    public static bool IsInside(string real, string rootReal) =>
        real == rootReal || real.StartsWith(Path.TrimEndingDirectorySeparator(rootReal) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}

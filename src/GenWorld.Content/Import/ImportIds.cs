using System.Text.RegularExpressions;

namespace GenWorld.Content.Import;

/// <summary>Item ids of an import, made from the dataset name and each file's path, so they read like the file they came from.</summary>
public static partial class ImportIds
{
    /// <summary>"NAME-" and the relative path with '/' as '-' and other odd characters as '_'; a clash gets "-2", "-3"...</summary>
    public static string Unique(string name, string relativePath, HashSet<string> taken)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        ArgumentNullException.ThrowIfNull(taken);
        var stem = $"{name}-{Odd().Replace(relativePath.Replace('/', '-').Replace('.', '_'), "_")}";
        var id = stem;
        for (var n = 2; !taken.Add(id); n++) id = $"{stem}-{n}";
        return id;
    }

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex Odd();
}

namespace GenWorld.Content.Import;

/// <summary>
/// The data root: the folder datasets live under, which the training service confines requests to. It is
/// <c>--data-root</c> where a verb has it, else the <c>GENWORLD_DATA</c> environment variable, else <c>content</c>
/// (relative to the working folder, as `genworld serve --data` has always defaulted). Imports go to ROOT/imported/NAME.
/// </summary>
public static class DataRootSetting
{
    /// <summary>Environment variable naming the data root.</summary>
    public const string Variable = "GENWORLD_DATA";

    /// <summary>Default data root.</summary>
    public const string Default = "content";

    /// <summary>Subfolder of the data root that imports are written to.</summary>
    public const string ImportedFolder = "imported";

    /// <summary>The data root for an option value (null when the option was not given).</summary>
    public static string Resolve(string? option) =>
        Path.GetFullPath(!string.IsNullOrWhiteSpace(option) ? option
            : Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } env ? env : Default);

    /// <summary>Folder of the imported dataset <paramref name="name"/> (a name <see cref="ImportSettings"/> accepts).</summary>
    public static string ImportedDataset(string root, string name) => Path.Combine(root, ImportedFolder, name);

    /// <summary>
    /// A dataset argument as a folder: an existing path as given, else an imported dataset's name under the data root,
    /// else the path relative to the data root (e.g. fixtures/notes). Returns the first that exists, or the path as given.
    /// </summary>
    public static string LocateDataset(string nameOrPath, string? dataRootOption = null)
    {
        if (Directory.Exists(nameOrPath)) return Path.GetFullPath(nameOrPath);
        if (Path.IsPathRooted(nameOrPath) || nameOrPath.Replace('\\', '/').Split('/').Contains("..")) return nameOrPath;
        var root = Resolve(dataRootOption);
        foreach (var candidate in new[] { ImportedDataset(root, nameOrPath), Path.Combine(root, nameOrPath) })
            if (Directory.Exists(candidate)) return candidate;
        return nameOrPath;
    }
}

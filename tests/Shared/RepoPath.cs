namespace GenWorld.Tests.Shared;

/// <summary>The repository root, found from the test binaries.</summary>
internal static class RepoPath
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GenWorld.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new DirectoryNotFoundException("GenWorld.sln not found above the test binaries");
        }
    }

    /// <summary>The shipped models folder.</summary>
    public static string Models => Path.Combine(Root, "models");

    /// <summary>
    /// A copy of shipped model <paramref name="name"/> as models were exported before they carried checkpoint/: its
    /// files, none of its folders. For the tests of what fine-tuning says to a folder it cannot start from.
    /// </summary>
    public static string CopyWithoutCheckpoint(string name, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (string file in Directory.GetFiles(Path.Combine(Models, name)))
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        return destination;
    }
}

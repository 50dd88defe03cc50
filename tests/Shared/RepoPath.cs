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
}

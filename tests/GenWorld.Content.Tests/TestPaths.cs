namespace GenWorld.Content.Tests;

/// <summary>Locations of repository fixtures and per-test temporary folders.</summary>
internal static class TestPaths
{
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "content", "fixtures")))
                dir = dir.Parent;
            return dir?.FullName ?? throw new DirectoryNotFoundException("content/fixtures not found above the test binaries");
        }
    }

    public static string Fixture(string name) => Path.Combine(RepoRoot, "content", "fixtures", name);

    public static string NewTempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "genworld-content-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}

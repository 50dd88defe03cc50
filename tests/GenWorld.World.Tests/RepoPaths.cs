namespace GenWorld.World.Tests;

/// <summary>Finds files of the repository (shipped models) from the test's output folder.</summary>
internal static class RepoPaths
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "GenWorld.sln"))) return dir.FullName;
            throw new DirectoryNotFoundException($"GenWorld.sln not found above {AppContext.BaseDirectory}");
        }
    }

    public static string Model(string name) => Path.Combine(Root, "models", name);
}

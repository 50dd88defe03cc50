namespace GenWorld.Benchmarks;

/// <summary>Where the repository is, for benchmarks that read shipped models.</summary>
internal static class BenchmarkPaths
{
    /// <summary>The nearest folder above the working directory that holds GenWorld.sln (else the working directory).</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GenWorld.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}

using System.Diagnostics;

namespace GenWorld.Cli.Tests;

/// <summary>The real player (genworld.dll beside the tests) as a child process with its output redirected, as a shell or CI runs it.</summary>
internal static class PlayerProcess
{
    public static async Task<(int Code, string Output, string Errors)> Launch(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "genworld.dll"), .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment.Remove("COLUMNS");
        using var process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(), stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The repository root (the folder with GenWorld.sln above the test binaries).</summary>
    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "GenWorld.sln"))) return dir.FullName;
            throw new DirectoryNotFoundException("GenWorld.sln not found above the test folder");
        }
    }
}

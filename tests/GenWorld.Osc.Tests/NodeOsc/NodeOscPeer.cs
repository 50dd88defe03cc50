using System.Diagnostics;

namespace GenWorld.Osc.Tests.NodeOsc;

/// <summary>
/// The third-party peer: node-osc (npm) run by Node.js, from the scripts in <c>node/</c>. Prepared once per test run:
/// Node.js and npm from Debian's packages when missing and we are root (as <c>./genworld</c> would), then <c>npm ci</c>
/// into the git-ignored <c>node/node_modules</c> from the committed lock file. A step that fails becomes the skip reason.
/// </summary>
internal static class NodeOscPeer
{
    private static readonly Lazy<string?> Preparation = new(Prepare);

    /// <summary>The folder with package.json, the lock file and the scripts.</summary>
    public static string Folder { get; } = Path.Combine(RepoRoot(), "tests", "GenWorld.Osc.Tests", "node");

    /// <summary>Null when node-osc can run, else why not.</summary>
    public static string? UnavailableReason => Preparation.Value;

    /// <summary>Starts <c>node SCRIPT ARGS</c> in the node folder.</summary>
    public static NodeProcess Start(string script, params string[] arguments) => new(Folder, script, arguments);

    private static string? Prepare()
    {
        if (!OnPath("node") || !OnPath("npm"))
        {
            if (Environment.UserName != "root" || !OnPath("apt-get"))
                return "node-osc tests need Node.js and npm: sudo apt-get install nodejs npm";
            Run("apt-get", "update -q", "/", TimeSpan.FromMinutes(5));   // a fresh machine may have no package lists yet
            (int aptCode, string aptLog) = Run("apt-get", "install -y -q --no-install-recommends nodejs npm", "/", TimeSpan.FromMinutes(10));
            if (aptCode != 0 || !OnPath("node") || !OnPath("npm"))
                return $"apt-get install nodejs npm failed ({aptCode}): {Tail(aptLog)}";
        }
        if (File.Exists(Path.Combine(Folder, "node_modules", "node-osc", "package.json"))) return null;
        (int code, string log) = Run("npm", "ci --no-audit --no-fund", Folder, TimeSpan.FromMinutes(5));
        return code == 0 ? null : $"npm ci in {Folder} failed ({code}): {Tail(log)}";
    }

    private static (int Code, string Log) Run(string file, string arguments, string directory, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using Process process = Process.Start(info)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"timed out after {timeout.TotalSeconds} s");
        }
        process.WaitForExit();   // after this the output tasks have completed
        return (process.ExitCode, stdout.GetAwaiter().GetResult() + stderr.GetAwaiter().GetResult());
    }

    private static bool OnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, command)));

    private static string Tail(string log) => log.Length <= 400 ? log.Trim() : log[^400..].Trim();

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GenWorld.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"GenWorld.sln not found above {AppContext.BaseDirectory}");
    }
}

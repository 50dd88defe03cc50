using System.Diagnostics;

namespace GenWorld.Studio.Tests.Browser;

/// <summary>
/// Headless Chromium driven by puppeteer-core (npm), from the scripts in <c>node/</c>. Prepared once per test run:
/// Debian's chromium, nodejs and npm installed when missing and we are root (as <c>./genworld</c> does from
/// build/system-packages.txt), then <c>npm ci</c> into the git-ignored <c>node/node_modules</c> from the committed lock
/// file. No browser is downloaded: puppeteer-core is pointed at /usr/bin/chromium. A step that fails is the skip reason.
/// </summary>
internal static class ChromiumDriver
{
    private static readonly Lazy<string?> Preparation = new(Prepare);

    public static string Folder { get; } = Path.Combine(RepoPath.Root, "tests", "GenWorld.Studio.Tests", "node");

    public const string Chromium = "/usr/bin/chromium";

    /// <summary>Null when the browser tests can run, else why not.</summary>
    public static string? UnavailableReason => Preparation.Value;

    /// <summary>Runs <c>node SCRIPT ARGS</c> in the node folder; its stdout (the script's JSON) and stderr.</summary>
    public static (int Code, string Stdout, string Stderr) Run(string script, TimeSpan timeout, params string[] arguments)
    {
        (int code, string stdout, string stderr) = Exec("node", [script, .. arguments], Folder, timeout);
        return (code, stdout, stderr);
    }

    private static string? Prepare()
    {
        string[] missing = [.. new[] { ("node", "nodejs"), ("npm", "npm") }.Where(t => !OnPath(t.Item1)).Select(t => t.Item2)];
        if (!File.Exists(Chromium)) missing = [.. missing, "chromium"];
        if (missing.Length > 0)
        {
            if (Environment.UserName != "root" || !OnPath("apt-get"))
                return $"the browser tests need {string.Join(", ", missing)}: sudo apt-get install {string.Join(' ', missing)}";
            Exec("apt-get", ["update", "-q"], "/", TimeSpan.FromMinutes(5));
            (int apt, string aptOut, string aptErr) = Exec("apt-get", ["install", "-y", "-q", "--no-install-recommends", .. missing], "/", TimeSpan.FromMinutes(15));
            if (apt != 0 || !File.Exists(Chromium) || !OnPath("node")) return $"apt-get install {string.Join(' ', missing)} failed ({apt}): {Tail(aptOut + aptErr)}";
        }
        if (File.Exists(Path.Combine(Folder, "node_modules", "puppeteer-core", "package.json"))) return null;
        (int code, string stdout, string stderr) = Exec("npm", ["ci", "--no-audit", "--no-fund"], Folder, TimeSpan.FromMinutes(5));
        return code == 0 ? null : $"npm ci in {Folder} failed ({code}): {Tail(stdout + stderr)}";
    }

    private static (int Code, string Stdout, string Stderr) Exec(string file, string[] arguments, string directory, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in arguments) info.ArgumentList.Add(a);
        info.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using Process process = Process.Start(info)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "", $"timed out after {timeout.TotalSeconds} s");
        }
        process.WaitForExit();
        return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private static bool OnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, command)));

    private static string Tail(string log) => log.Length <= 400 ? log.Trim() : log[^400..].Trim();
}

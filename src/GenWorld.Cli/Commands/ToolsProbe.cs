using System.Diagnostics;
using System.Text.Json;
using GenWorld.Core.Diagnostics;

namespace GenWorld.Cli.Commands;

/// <summary>
/// The TorchSharp rows of <c>genworld info</c>. The player does not carry TorchSharp, so it asks the training tools
/// (<c>genworld-tools probe --json</c>, found through GENWORLD_TOOLS, which ./genworld sets, or beside the player) and
/// otherwise reports one row saying the training stack is not installed, which is the normal state of an installation.
/// </summary>
internal static class ToolsProbe
{
    public const string Variable = "GENWORLD_TOOLS";

    public static IReadOnlyList<ProbeResult> Run()
    {
        string? tools = Locate();
        if (tools is null)
            return [new("TorchSharp", "training tools", "not installed: the player ships without TorchSharp (`./genworld train` builds the tools)", true)];
        try
        {
            var start = new ProcessStartInfo(DotnetHost(), [tools, "probe", "--json"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
            Task<string> output = process.StandardOutput.ReadToEndAsync(), errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(120))) { process.Kill(); throw new TimeoutException("no answer in 120 s"); }
            if (process.ExitCode != 0) throw new InvalidOperationException($"exit {process.ExitCode}: {errors.GetAwaiter().GetResult().Trim()}");
            return JsonSerializer.Deserialize<List<ProbeResult>>(output.GetAwaiter().GetResult(), CliJson.Options) ?? [];
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return [new("TorchSharp", "training tools", $"{tools} failed: {e.Message}", false)];
        }
    }

    private static string? Locate()
    {
        string? named = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrEmpty(named)) return File.Exists(named) ? named : null;
        string beside = Path.Combine(AppContext.BaseDirectory, "genworld-tools.dll");
        return File.Exists(beside) ? beside : null;
    }

    /// <summary>The dotnet host running this process (so the tools run on the same runtime), else dotnet from PATH.</summary>
    private static string DotnetHost() =>
        Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
}

using System.Diagnostics;
using System.Text.Json;

namespace GenWorld.Tools.Tests;

/// <summary><c>genworld-tools probe --json</c>: the TorchSharp rows that the player's <c>info</c> shows when the tools are installed.</summary>
[Collection("Native")]
public sealed class ProbeCommandTests
{
    [Fact]
    public async Task Probe_json_reports_libtorch_and_a_working_tensor_op()
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "genworld-tools.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "probe", "--json"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(), stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, await stderr);
        using var json = JsonDocument.Parse(await stdout);
        var rows = json.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("ok").GetBoolean());
        Assert.True(rows["libtorch"]);
        Assert.True(rows["tensor op"]);
    }
}

using System.Diagnostics;
using System.Text.Json;
using GenWorld.Cli.Commands;

namespace GenWorld.Cli.Tests;

[Collection("Native")]
public sealed class InfoCommandTests
{
    [Fact]
    public void Every_area_reports_and_the_capabilities_this_machine_has_work()
    {
        var rows = InfoCommand.CollectAll();
        foreach (string area in new[] { "System", "ONNX Runtime", "TorchSharp", "OpenGL", "OpenAL" })
            Assert.Contains(rows, r => r.Area == area);

        // These run on any supported machine, GPU or not, display or not, sound card or not. TorchSharp is not in the
        // player: its row comes from the training tools when installed, else says the installation has none (both ok).
        Assert.All(rows.Where(r => r.Area == "TorchSharp"), r => Assert.True(r.Ok, $"{r.Name}: {r.Value}"));
        Assert.True(rows.Single(r => r.Name == "CPU session").Ok);
        Assert.True(rows.Single(r => r.Name == "headless render").Ok);
        Assert.True(rows.Single(r => r.Name == "loopback render").Ok);
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Value), $"{r.Area}/{r.Name} has no value"));
    }

    [Fact]
    public async Task Info_json_from_the_real_command_parses_with_the_same_rows()
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "genworld.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "info", "--json"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        string stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        using var json = JsonDocument.Parse(stdout);
        var names = json.RootElement.EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
        Assert.Contains(names, n => n is "libtorch" or "training tools");
        Assert.Contains("headless GL version", names);
        Assert.Contains("HRTF", names);
    }
}

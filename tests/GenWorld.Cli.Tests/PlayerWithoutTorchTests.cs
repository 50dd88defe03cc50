using System.Text.Json;

namespace GenWorld.Cli.Tests;

/// <summary>
/// The player ships without the training stack. This test project references only the player, so its output folder is
/// the player's build output plus the test packages: no TorchSharp or libtorch file may be in it, and the player's
/// genworld.deps.json (what `dotnet publish` copies from) may name no such library.
/// </summary>
public sealed class PlayerWithoutTorchTests
{
    private static readonly string[] TrainingStack = ["TorchSharp", "libtorch", "libLibTorchSharp", "GenWorld.Training", "GenWorld.Service"];

    [Fact]
    public void The_player_build_output_holds_no_TorchSharp_or_libtorch_file()
    {
        string[] files = Directory.GetFiles(AppContext.BaseDirectory, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => Path.GetFileName(f) == "genworld.dll");
        string[] offending = [.. files.Where(f => TrainingStack.Any(p => Path.GetFileName(f).StartsWith(p, StringComparison.OrdinalIgnoreCase)))];
        Assert.True(offending.Length == 0, "training stack in the player's output: " + string.Join(", ", offending.Select(Path.GetFileName)));
    }

    [Fact]
    public void The_player_deps_json_names_no_training_library()
    {
        using var deps = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "genworld.deps.json")));
        string[] libraries = [.. deps.RootElement.GetProperty("libraries").EnumerateObject().Select(p => p.Name)];
        Assert.Contains(libraries, l => l.StartsWith("GenWorld.Host/", StringComparison.Ordinal));
        string[] offending = [.. libraries.Where(l => TrainingStack.Any(p => l.StartsWith(p, StringComparison.OrdinalIgnoreCase)))];
        Assert.True(offending.Length == 0, "training libraries in genworld.deps.json: " + string.Join(", ", offending));
    }
}

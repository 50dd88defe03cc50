using System.Text.Json;
using GenWorld.Cli.Commands;

namespace GenWorld.Tools.Tests;

/// <summary><c>genworld evaluate texture</c> on the shipped textures-gan against the fixture textures dataset, in-process.</summary>
[Collection("Native")]
public sealed class EvaluateTextureCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("genworld-evaltex-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Writes_variety_figures_beside_the_real_crops_and_repeats_for_a_seed()
    {
        string root = RepoRoot(), a = Path.Combine(_dir, "a.json"), b = Path.Combine(_dir, "b.json");
        string[] args = ["--model", Path.Combine(root, "models", "textures-gan"), "--dataset", Path.Combine(root, "content", "fixtures", "textures"), "--count", "100", "--seed", "3"];
        Assert.Equal(0, await Run([.. args, "--out", a]));
        Assert.Equal(0, await Run([.. args, "--out", b]));

        using JsonDocument first = JsonDocument.Parse(File.ReadAllText(a)), second = JsonDocument.Parse(File.ReadAllText(b));
        double Get(JsonDocument d, string name) => d.RootElement.GetProperty(name).GetDouble();
        foreach (string name in new[] { "colourSpread", "colourSpreadReal", "detail", "detailReal", "ndb", "ndbRealFloor", "repeatShare", "seamRatio256Worst" })
            Assert.Equal(Get(first, name), Get(second, name));
        // The fixture crops differ in colour and have grain; NDB/K is a share of 50 bins.
        Assert.True(Get(first, "colourSpreadReal") > 0.05, $"real spread {Get(first, "colourSpreadReal"):F3}");
        Assert.True(Get(first, "detailReal") > 0.02, $"real detail {Get(first, "detailReal"):F3}");
        Assert.True(Get(first, "colourSpread") > 0 && Get(first, "detail") > 0);
        Assert.InRange(Get(first, "ndb"), 0, 1);
        Assert.InRange(Get(first, "ndbRealFloor"), 0, 1);
        Assert.Equal(50, first.RootElement.GetProperty("ndbK").GetInt32());
        // The fixture images are 64 px, so every 64-px crop is a whole image and the 100 crops of each half repeat
        // its ~23 images: the real median nearest distance is 0 and nothing is closer (the full dataset gives ~0.5).
        Assert.Equal(0, Get(first, "repeatThreshold"));
        Assert.Equal(0, Get(first, "repeatShareReal"));
        Assert.Equal(0, Get(first, "repeatShare"));
        Assert.Equal(20, first.RootElement.GetProperty("seamSeeds").GetInt32());
        Assert.True(Get(first, "seamRatio64Worst") >= Get(first, "seamRatio64Mean") && Get(first, "seamRatio64Mean") > 0);
    }

    [Fact]
    public async Task Too_few_tiles_for_the_bins_is_refused()
    {
        string root = RepoRoot();
        Assert.Equal(2, await Run(["--model", Path.Combine(root, "models", "textures-gan"), "--dataset", _dir, "--count", "20"]));
    }

    // Through the real entry point: --count 20 is refused by the option's declared range, in the one error path (exit 2).
    private static Task<int> Run(string[] args) =>
        Task.FromResult(GenWorld.Cli.Tests.ErrorPath.InProcessRun.Run(typeof(EvaluateCommand).Assembly, ["evaluate", "texture", .. args]).Code);

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GenWorld.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("GenWorld.sln not found");
    }
}

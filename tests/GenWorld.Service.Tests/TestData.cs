using System.Text.Json;

namespace GenWorld.Service.Tests;

/// <summary>
/// A data root per test with copies of the real fixture datasets (content/fixtures/notes: 32 one-second notes;
/// content/fixtures/textures: 46 tiles), and tiny hyper-parameters so a job trains in seconds.
/// </summary>
internal sealed class TestData : IDisposable
{
    public TestData()
    {
        Root = Directory.CreateTempSubdirectory("gw-service-").FullName;
        Data = Path.Combine(Root, "data");
        Models = Path.Combine(Root, "models");
        State = Path.Combine(Root, "state");
        Copy(Path.Combine(RepoRoot, "content", "fixtures", "notes"), Path.Combine(Data, "notes"));
        Copy(Path.Combine(RepoRoot, "content", "fixtures", "textures"), Path.Combine(Data, "textures"));
    }

    public string Root { get; }

    public string Data { get; }

    public string Models { get; }

    public string State { get; }

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GenWorld.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new DirectoryNotFoundException("GenWorld.sln not found above the test binaries");
        }
    }

    /// <summary>A texture GAN small enough for ~10 steps a second: 32-pixel tiles (2×2 latent cells, so the seam metric is defined), 16 generator channels.</summary>
    public static Dictionary<string, object> TinyTextureGan => new()
    {
        ["tileSize"] = 32, ["latentChannels"] = 4, ["globalChannels"] = 2, ["generatorChannels"] = 16, ["discriminatorChannels"] = 4,
        ["batchSize"] = 4, ["learningRate"] = 1e-3, ["r1Every"] = 2, ["emaDecay"] = 0.9,
    };

    /// <summary>A sound VAE with 4 latents and 4 channels (about 12 steps a second here).</summary>
    public static Dictionary<string, object> TinySoundVae => new() { ["latentSize"] = 4, ["channels"] = 4, ["batchSize"] = 4 };

    public static string Json(object value) => JsonSerializer.Serialize(value, Api.ServiceJson.Options);

    public ServiceOptions Options(string? token = null, double checkpointSeconds = 60, double previewSeconds = 60) => new()
    {
        Urls = ["http://127.0.0.1:0"], DataRoot = Data, ModelsRoot = Models, StateRoot = State, Token = token,
        CheckpointInterval = TimeSpan.FromSeconds(checkpointSeconds), PreviewInterval = TimeSpan.FromSeconds(previewSeconds),
    };

    public void Dispose() => Directory.Delete(Root, recursive: true);

    public static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}

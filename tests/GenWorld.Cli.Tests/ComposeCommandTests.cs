using System.Text.Json;
using GenWorld.Core.Audio;
using GenWorld.World.Cameras;

namespace GenWorld.Cli.Tests;

/// <summary>`genworld compose` as a user runs it, on the shipped prior and notes VAE.</summary>
[Collection("Native")]
public sealed class ComposeCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("genworld-compose-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Compose_writes_a_sounding_wav_a_path_with_latents_and_a_recipe_and_repeats_itself()
    {
        string first = Path.Combine(_dir, "a"), second = Path.Combine(_dir, "b");
        Assert.Equal(0, await Run(first));
        Assert.Equal(0, await Run(second));

        AudioClip clip = WavFile.Read(Path.Combine(first, "performance.wav"));
        Assert.Equal(4 * clip.SampleRate, clip.Frames);
        double rms = Math.Sqrt(clip.Samples.Average(v => (double)v * v));
        Assert.True(rms > 0.005, $"the performance is near-silent (RMS {rms:F4})");

        using var path = JsonDocument.Parse(File.ReadAllText(Path.Combine(first, "path.json")));
        var events = path.RootElement.GetProperty("events").EnumerateArray().ToList();
        Assert.True(events.Count >= 4, $"only {events.Count} notes in 4 s");
        Assert.All(events, e => Assert.InRange(e.GetProperty("t").GetDouble(), 0, 4));
        Assert.All(events, e => Assert.Equal(16, e.GetProperty("latent").GetArrayLength()));
        // models/notes-vae has field anchors, so every note has a place in the field and the tour is a valid camera path.
        Assert.All(events, e => Assert.Equal(3, e.GetProperty("position").GetArrayLength()));
        CameraPath tour = CameraPath.Load(Path.Combine(first, "camera-path.json"));
        Assert.InRange(tour.Duration, 3.7, 4.0);
        Assert.Equal(File.ReadAllText(Path.Combine(first, "camera-path.json")), File.ReadAllText(Path.Combine(second, "camera-path.json")));

        using var recipe = JsonDocument.Parse(File.ReadAllText(Path.Combine(first, "recipe.json")));
        Assert.Equal(9, recipe.RootElement.GetProperty("seed").GetInt32());
        Assert.Equal(File.ReadAllText(Path.Combine(first, "path.json")), File.ReadAllText(Path.Combine(second, "path.json")));
    }

    [Fact]
    public async Task A_bad_length_is_refused_with_the_option_named()
    {
        var (code, output) = await Launch(["compose", "--seconds", "-1", "--out", Path.Combine(_dir, "x")]);
        Assert.Equal(2, code);
        Assert.Contains("--seconds", output, StringComparison.Ordinal);
    }

    private async Task<int> Run(string outDir) => (await Launch(
        ["compose", "--model", Model("notes-prior"), "--vae", Model("notes-vae"), "--seconds", "4", "--seed", "9", "--out", outDir])).Code;

    private static async Task<(int Code, string Output)> Launch(string[] args)
    {
        (int code, string output, string errors) = await PlayerProcess.Launch(args);
        return (code, output + errors);
    }

    private static string Model(string name) => Path.Combine(PlayerProcess.RepoRoot, "models", name);
}

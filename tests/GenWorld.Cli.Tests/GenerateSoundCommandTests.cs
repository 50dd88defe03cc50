using System.CommandLine;
using System.Text.Json;
using GenWorld.Cli.Commands;
using GenWorld.Core.Audio;

namespace GenWorld.Cli.Tests;

/// <summary><c>genworld generate sound</c> on the shipped notes-vae, run in-process; stderr captured (hence the sequential collection).</summary>
[Collection("Native")]
public sealed class GenerateSoundCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("genworld-gen-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Model => Path.Combine(RepoRoot(), "models", "notes-vae");

    [Fact]
    public async Task The_same_seed_gives_the_same_file_and_its_recipe_regenerates_it_byte_for_byte()
    {
        string a = Path.Combine(_dir, "a"), b = Path.Combine(_dir, "b"), c = Path.Combine(_dir, "c");
        Assert.Equal(0, await Run("--model", Model, "--pitch", "60", "--seed", "11", "--count", "2", "--out", a));
        Assert.Equal(0, await Run("--model", Model, "--pitch", "60", "--seed", "11", "--out", b));
        string first = Path.Combine(a, "notes-vae-p60-s11.wav");
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(Path.Combine(b, "notes-vae-p60-s11.wav")));
        Assert.NotEqual(File.ReadAllBytes(first), File.ReadAllBytes(Path.Combine(a, "notes-vae-p60-s12.wav")));

        Assert.Equal(0, await Run("--recipe", Path.ChangeExtension(first, ".json"), "--out", c));
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(Path.Combine(c, "notes-vae-p60-s11.wav")));
        AudioClip clip = WavFile.Read(first);
        Assert.Equal((48000, 98304), (clip.SampleRate, clip.Frames)); // 2.048 s at 48 kHz
        using JsonDocument recipe = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(first, ".json")));
        Assert.Equal(11, recipe.RootElement.GetProperty("seed").GetInt32());
        Assert.Equal(16, recipe.RootElement.GetProperty("latent").GetArrayLength());
        Assert.StartsWith("notes-vae v1 decoder:", recipe.RootElement.GetProperty("generator").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Between_two_recordings_writes_steps_on_the_straight_line_between_their_encodings()
    {
        string seeds = Path.Combine(_dir, "seeds"), path = Path.Combine(_dir, "path");
        Assert.Equal(0, await Run("--model", Model, "--pitch", "48", "--seed", "3", "--count", "2", "--rate", "16000", "--out", seeds));
        Assert.Equal(0, await Run("--model", Model, "--pitch", "48", "--rate", "44100", "--steps", "3", "--out", path,
            "--between", Path.Combine(seeds, "notes-vae-p48-s3.wav"), Path.Combine(seeds, "notes-vae-p48-s4.wav")));

        float[][] latents = [.. Enumerable.Range(0, 3).Select(i => Latent(Path.Combine(path, $"notes-vae-p48-between-{i:D2}.json")))];
        Assert.True(latents[0].Zip(latents[2]).Max(p => Math.Abs(p.First - p.Second)) > 0.1, "two different sounds encode apart");
        for (int d = 0; d < 16; d++) Assert.Equal((latents[0][d] + latents[2][d]) / 2, latents[1][d], 4);
        Assert.Equal(44100, WavFile.Read(Path.Combine(path, "notes-vae-p48-between-01.wav")).SampleRate);
    }

    [Theory]
    [InlineData("--rate 0 --pitch 60", "--rate 0: output rate must be between 8000 and 384000 Hz, got 0")]
    [InlineData("--pitch 120", "MIDI pitch 120 is outside the trained range [24, 96]")]
    [InlineData("--pitch 60 --latent 0.1,0.2", "latent has 2 values; the model takes 16")]
    [InlineData("--pitch 60 --latent 0.1,nan,0,0,0,0,0,0,0,0,0,0,0,0,0,0", "latent[1] is NaN")]
    [InlineData("--pitch 60 --latent 0.1,x", "--latent value 1 ('x') is not a number")]
    [InlineData("--pitch 60 --between a.wav", "--between")]
    public async Task Bad_options_exit_1_with_the_problem_named(string options, string expected)
    {
        (int code, string error) = await RunCapturing([.. options.Split(' '), "--model", Model, "--out", Path.Combine(_dir, "bad")]);
        Assert.Equal(1, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_notes_gan_generates_a_labelled_note_and_its_recipe_regenerates_it()
    {
        string gan = Path.Combine(RepoRoot(), "models", "notes-gan"), a = Path.Combine(_dir, "gan-a"), b = Path.Combine(_dir, "gan-b");
        Assert.Equal(0, await Run("--model", gan, "--pitch", "60", "--label", "strings", "--seed", "4", "--out", a));
        string wav = Assert.Single(Directory.GetFiles(a, "*.wav"));
        Assert.Contains("strings-p60-s4", wav, StringComparison.Ordinal);
        AudioClip clip = WavFile.Read(wav);
        Assert.Equal((48000, 98304), (clip.SampleRate, clip.Samples.Length)); // 2.048 s at 48 kHz
        Assert.Contains("\"label\": \"strings\"", File.ReadAllText(Path.ChangeExtension(wav, ".json")), StringComparison.Ordinal);
        Assert.Equal(0, await Run("--recipe", Path.ChangeExtension(wav, ".json"), "--out", b));
        Assert.Equal(File.ReadAllBytes(wav), File.ReadAllBytes(Path.Combine(b, Path.GetFileName(wav))));
        (int code, string error) = await RunCapturing(["--model", gan, "--pitch", "60", "--label", "banjo", "--out", Path.Combine(_dir, "bad")]);
        Assert.Equal(1, code);
        Assert.Contains("needs a label, one of: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_model_folder_and_a_broken_recipe_are_named()
    {
        (int code, string error) = await RunCapturing(["--model", Path.Combine(_dir, "nowhere"), "--pitch", "60"]);
        Assert.Equal((1, true), (code, error.Contains("nowhere' does not exist", StringComparison.Ordinal)));
        string recipe = Path.Combine(_dir, "broken.json");
        File.WriteAllText(recipe, """{ "kind": "texture", "modelFolder": "x", "generator": "g", "finishing": { "outputRate": 0 } }""");
        (code, error) = await RunCapturing(["--recipe", recipe]);
        Assert.Equal(1, code);
        Assert.Contains("'kind' is 'texture', expected 'sound'; 'latent' is missing; 'finishing.outputRate': output rate must be", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Like_a_file_writes_the_same_variations_as_generate_variations()
    {
        string source = Path.Combine(RepoRoot(), "docs", "examples", "sfx-vae-s2.wav");
        string like = Path.Combine(_dir, "like"), variations = Path.Combine(_dir, "variations"), sfx = Path.Combine(RepoRoot(), "models", "sfx-vae");
        Assert.Equal(0, await Run("--like", source, "--model", sfx, "--spread", "0.3", "--count", "2", "--seed", "5", "--out", like));
        Assert.Equal(0, await new RootCommand { GenerateCommand.Create() }.Parse(
            ["generate", "variations", source, "--model", sfx, "--amount", "0.3", "--count", "2", "--seed", "5", "--out", variations]).InvokeAsync());
        for (int i = 0; i <= 2; i++)
            Assert.Equal(File.ReadAllBytes(Path.Combine(variations, $"variation-{i:D2}.wav")), File.ReadAllBytes(Path.Combine(like, $"variation-{i:D2}.wav")));
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(like, "variation-01.wav")), File.ReadAllBytes(Path.Combine(like, "variation-02.wav")));
        (int code, string error) = await RunCapturing(["--like", source, "--model", sfx, "--latent", "0,1"]);
        Assert.Equal((1, true), (code, error.Contains("--like makes variations of one file", StringComparison.Ordinal)));
        (code, error) = await RunCapturing(["--like", source, "--model", sfx, "--spread", "9", "--out", Path.Combine(_dir, "far")]);
        Assert.Equal((1, true), (code, error.Contains("--spread) 9: must be between 0 and 4", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Encode_prints_the_latent_that_generate_sound_latent_turns_back_into_the_reconstruction()
    {
        string source = Path.Combine(RepoRoot(), "docs", "examples", "sfx-vae-s2.wav"), json = Path.Combine(_dir, "latent.json");
        string sfx = Path.Combine(RepoRoot(), "models", "sfx-vae");
        TextWriter original = Console.Out;
        using var printed = new StringWriter();
        Console.SetOut(printed);
        int code;
        try { code = await new RootCommand { EncodeCommand.Create() }.Parse(["encode", source, "--model", sfx, "--out", json]).InvokeAsync(); }
        finally { Console.SetOut(original); }
        Assert.Equal(0, code);
        string list = printed.ToString().Split('\n')[1].Trim();
        Assert.Equal(16, list.Split(',').Length);
        using (JsonDocument saved = JsonDocument.Parse(File.ReadAllText(json)))
            Assert.Equal(list, string.Join(",", saved.RootElement.GetProperty("latent").EnumerateArray().Select(v => v.GetSingle().ToString("R", System.Globalization.CultureInfo.InvariantCulture))));

        // The printed latent decodes to the same clip as variation 0 (the reconstruction) of the same file.
        string fromLatent = Path.Combine(_dir, "from-latent"), like = Path.Combine(_dir, "like0");
        Assert.Equal(0, await Run("--model", sfx, "--latent", list, "--out", fromLatent));
        Assert.Equal(0, await Run("--like", source, "--model", sfx, "--count", "1", "--out", like));
        Assert.Equal(WavFile.Read(Path.Combine(like, "variation-00.wav")).Samples, WavFile.Read(Assert.Single(Directory.GetFiles(fromLatent, "*.wav"))).Samples);
    }

    private static float[] Latent(string recipe)
    {
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(recipe));
        return [.. json.RootElement.GetProperty("latent").EnumerateArray().Select(v => v.GetSingle())];
    }

    private static Task<int> Run(params string[] args) => new RootCommand { GenerateCommand.Create() }.Parse(["generate", "sound", .. args]).InvokeAsync();

    private static async Task<(int Code, string Error)> RunCapturing(string[] args)
    {
        TextWriter original = Console.Error;
        using var error = new StringWriter();
        Console.SetError(error);
        try { return (await Run(args), error.ToString()); }
        finally { Console.SetError(original); }
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GenWorld.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("GenWorld.sln not found");
    }
}

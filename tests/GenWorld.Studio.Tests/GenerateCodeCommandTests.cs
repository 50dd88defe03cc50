using System.CommandLine;
using GenWorld.Cli.Commands;
using GenWorld.Inference.Generation;

namespace GenWorld.Studio.Tests;

/// <summary>`genworld generate sound --code`: a code made by the library regenerates through the CLI; bad codes and clashing options get one line.</summary>
[Collection("Studio")]
public sealed class GenerateCodeCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("genworld-code-cli-").FullName;
    private static readonly string Model = Path.Combine(RepoPath.Models, "notes-vae");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<(int Code, string Error)> Run(params string[] args)
    {
        TextWriter original = Console.Error;
        using var error = new StringWriter();
        Console.SetError(error);
        try { return (await new RootCommand { GenerateCommand.Create() }.Parse(["generate", "sound", .. args]).InvokeAsync(), error.ToString()); }
        finally { Console.SetError(original); }
    }

    [Fact]
    public async Task A_code_made_with_the_library_API_regenerates_the_library_clip_in_the_CLI()
    {
        using SoundGenerationService service = SoundGenerationService.Open(Model);
        RecipeCode code = SoundCodes.Make(service, "notes-vae", Core.Numerics.SeededLatent.StandardNormal(21, service.LatentSize), 67, null);
        float[] clip = await SoundCodes.GenerateAsync(service, RecipeCode.Parse(code.ToString()));
        (int exit, string error) = await Run("--code", code.ToString(), "--model", Model, "--out", _dir);
        Assert.True(exit == 0, error);
        Core.Audio.AudioClip written = Core.Audio.WavFile.Read(Directory.GetFiles(_dir, "*.wav").Single());
        Assert.Equal(clip.Length, written.Samples.Length);
        // The WAV is 16-bit: the library's floats, rounded to 1/32767, are what the file holds.
        for (int i = 0; i < clip.Length; i += 97) Assert.Equal(Math.Round(Math.Clamp(clip[i], -1, 1) * 32767) / 32768.0, written.Samples[i], 1e-6);
    }

    [Theory]
    [InlineData("gw1_nonsense", "--code: recipe code 'gw1_nonsense' is too short")]
    [InlineData("notacode", "--code: a recipe code starts with 'gw1_'")]
    public async Task A_bad_code_is_one_line_naming_the_option(string code, string expected)
    {
        (int exit, string error) = await Run("--code", code, "--out", _dir);
        Assert.Equal(1, exit);
        Assert.StartsWith("generate sound: " + expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_with_a_pitch_is_refused_before_any_model_loads()
    {
        using SoundGenerationService service = SoundGenerationService.Open(Model);
        string code = SoundCodes.Make(service, "notes-vae", new float[service.LatentSize], 60, null).ToString();
        (int exit, string error) = await Run("--code", code, "--pitch", "60", "--out", _dir);
        Assert.Equal(1, exit);
        Assert.Contains("--code fixes model version, latent, pitch and label", error, StringComparison.Ordinal);
    }
}

using System.CommandLine;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GenWorld.Cli.Commands;
using GenWorld.Core.Audio;

namespace GenWorld.Studio.Tests;

/// <summary>The studio's generation API on a real host over the shipped models: sounds, codes, exports, textures.</summary>
[Collection("Studio")]
public sealed class StudioApiTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("genworld-studio-api-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    internal static async Task<(byte[] Wav, string Code)> SoundAsync(HttpClient http, object request)
    {
        using HttpResponseMessage response = await http.PostAsJsonAsync("studio/api/sound", request);
        byte[] body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
        Assert.Equal("audio/wav", response.Content.Headers.ContentType?.MediaType);
        return (body, response.Headers.GetValues("X-Recipe-Code").Single());
    }

    /// <summary>`genworld generate sound --code CODE --model FOLDER --out DIR`, in process; the WAV it wrote.</summary>
    internal static async Task<byte[]> CliAsync(string code, string model, string dir)
    {
        int exit = await new RootCommand { GenerateCommand.Create() }.Parse(["generate", "sound", "--code", code, "--model", model, "--out", dir]).InvokeAsync();
        Assert.Equal(0, exit);
        return File.ReadAllBytes(Directory.GetFiles(dir, "*.wav").Single());
    }

    [Fact]
    public async Task A_sound_and_its_code_regenerate_byte_for_byte_in_the_page_API_and_in_the_CLI()
    {
        await using TestStudio studio = await TestStudio.StartAsync();
        (byte[] wav, string code) = await SoundAsync(studio.Http, new { model = "notes-vae", seed = 5, pitch = 62 });
        AudioClip clip = WavFile.Decode(wav);
        Assert.Equal((48000, 1), (clip.SampleRate, clip.Channels));
        Assert.True(Math.Sqrt(clip.Samples.Average(s => s * s)) > 0.01, "the clip is silent");

        (byte[] again, string sameCode) = await SoundAsync(studio.Http, new { code });
        Assert.Equal(code, sameCode);
        Assert.Equal(wav, again);
        Assert.Equal(wav, await CliAsync(code, Path.Combine(RepoPath.Models, "notes-vae"), Path.Combine(_dir, "cli")));
    }

    [Fact]
    public async Task A_labelled_GAN_note_keeps_its_label_in_the_code()
    {
        await using TestStudio studio = await TestStudio.StartAsync();
        (byte[] wav, string code) = await SoundAsync(studio.Http, new { model = "notes-gan", seed = 2, pitch = 60, label = "strings" });
        using HttpResponseMessage decoded = await studio.Http.PostAsJsonAsync("studio/api/decode", new { code });
        JsonElement json = await decoded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("strings", json.GetProperty("label").GetString());
        Assert.Equal(60, json.GetProperty("pitch").GetInt32());
        Assert.Equal(wav, await CliAsync(code, Path.Combine(RepoPath.Models, "notes-gan"), Path.Combine(_dir, "gan")));
    }

    [Fact]
    public async Task A_code_from_another_model_version_is_refused_naming_both_hashes()
    {
        await using TestStudio studio = await TestStudio.StartAsync();
        (_, string code) = await SoundAsync(studio.Http, new { model = "notes-vae", seed = 1, pitch = 60 });
        var parsed = Inference.Generation.RecipeCode.Parse(code);
        string other = (parsed with { VersionHash = "00000000" }).ToString();
        using HttpResponseMessage response = await studio.Http.PostAsJsonAsync("studio/api/sound", new { code = other });
        string body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("hash 00000000", body, StringComparison.Ordinal);
        Assert.Contains(parsed.VersionHash, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zip_of_variations_holds_N_WAVs_whose_codes_regenerate_them()
    {
        await using TestStudio studio = await TestStudio.StartAsync();
        (_, string code) = await SoundAsync(studio.Http, new { model = "notes-vae", seed = 9, pitch = 55 });
        using HttpResponseMessage response = await studio.Http.PostAsJsonAsync("studio/api/export", new { codes = new[] { code }, variations = 4, amount = 0.5 });
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        string[] lines = new StreamReader(zip.GetEntry("codes.txt")!.Open()).ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Equal(4, lines.Select(l => l.Split(' ')[1]).Distinct().Count());
        foreach (string line in lines.Take(2))
        {
            string[] parts = line.Split(' ');
            using var entry = new MemoryStream();
            zip.GetEntry(parts[0])!.Open().CopyTo(entry);
            (byte[] wav, _) = await SoundAsync(studio.Http, new { code = parts[1] });
            Assert.Equal(wav, entry.ToArray());
        }
    }

    [Fact]
    public async Task A_texture_code_regenerates_the_same_PNG()
    {
        await using TestStudio studio = await TestStudio.StartAsync();
        using HttpResponseMessage first = await studio.Http.PostAsJsonAsync("studio/api/texture", new { model = "textures-gan", seed = 4, size = 64 });
        Assert.Equal("image/png", first.Content.Headers.ContentType?.MediaType);
        string code = first.Headers.GetValues("X-Recipe-Code").Single();
        using HttpResponseMessage second = await studio.Http.PostAsJsonAsync("studio/api/texture", new { code });
        byte[] png = await first.Content.ReadAsByteArrayAsync();
        Assert.Equal(png, await second.Content.ReadAsByteArrayAsync());
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);

        // `genworld generate texture --code` writes the page's PNG byte for byte.
        string file = Path.Combine(_dir, "tile.png");
        int exit = await new RootCommand { GenerateCommand.Create() }.Parse(["generate", "texture", "--code", code, "--model", Path.Combine(RepoPath.Models, "textures-gan"), "--out", file]).InvokeAsync();
        Assert.Equal(0, exit);
        Assert.Equal(png, File.ReadAllBytes(file));
    }

    [Fact]
    public async Task The_picker_lists_every_sound_and_texture_model_and_the_map_uses_the_fields_projection()
    {
        await using TestStudio studio = await TestStudio.StartAsync();
        JsonElement models = await studio.Http.GetFromJsonAsync<JsonElement>("studio/api/models");
        string[] names = [.. models.EnumerateArray().Select(m => m.GetProperty("name").GetString()!)];
        Assert.Equal(["notes-gan", "notes-gan-16k", "notes-vae", "notes-vae-16k", "sfx-vae", "sfx-vae-16k", "textures-gan"], names);
        JsonElement map = await studio.Http.GetFromJsonAsync<JsonElement>("studio/api/map?model=notes-vae");
        using var world = World.LatentWorld.Open(Path.Combine(RepoPath.Models, "notes-vae"));
        JsonElement point = map.GetProperty("points")[100];
        Assert.Equal(world.Anchors[100].Position.X, point[0].GetSingle(), 2);
        Assert.Equal(world.Anchors[100].Position.Z, point[1].GetSingle(), 2);
        Assert.Equal(world.Anchors.Count, map.GetProperty("points").GetArrayLength());
    }
}

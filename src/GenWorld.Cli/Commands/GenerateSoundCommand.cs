using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GenWorld.Core.Audio;
using GenWorld.Core.IO;
using GenWorld.Core.Numerics;
using GenWorld.Inference;
using GenWorld.Inference.Generation;
using GenWorld.Inference.Models;

namespace GenWorld.Cli.Commands;

/// <summary>
/// <c>genworld generate sound</c>: clips from a sound-VAE model folder, from a given latent or seeded random ones, written as
/// WAV with a JSON recipe beside each (model, version, latent, pitch, seed) that regenerates the same file.
/// </summary>
internal static class GenerateSoundCommand
{
    public static Command Create()
    {
        var model = new Option<DirectoryInfo>("--model") { Description = "Model folder.", DefaultValueFactory = _ => new DirectoryInfo("models/notes-vae") };
        var pitch = new Option<int?>("--pitch") { Description = "MIDI pitch (pitch-conditioned models), e.g. 60 for middle C." };
        var latent = new Option<string?>("--latent") { Description = "Comma-separated latent values; default: seeded standard-normal latents." };
        var seed = new Option<int>("--seed") { Description = "Seed of the random latents.", DefaultValueFactory = _ => 1 };
        var count = new Option<int>("--count") { Description = "How many clips (seeds seed, seed+1, ...).", DefaultValueFactory = _ => 1 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Output folder.", DefaultValueFactory = _ => new DirectoryInfo("generated") };
        var command = new Command("sound", "Generate sounds from a sound VAE (WAV + JSON recipe per clip).") { model, pitch, latent, seed, count, output };
        command.SetAction(async (parse, ct) =>
        {
            using ModelFolder folder = ModelFolder.Open(parse.GetValue(model)!.FullName, new OrtSessionFactory(line => Console.Error.WriteLine(line)));
            var decoder = new SoundDecoder(folder);
            DirectoryInfo outDir = parse.GetValue(output)!;
            outDir.Create();
            int? midi = parse.GetValue(pitch);
            string? given = parse.GetValue(latent);
            for (int i = 0; i < Math.Max(1, parse.GetValue(count)); i++)
            {
                int s = parse.GetValue(seed) + i;
                float[] z = given is null ? SeededLatent.StandardNormal(s, decoder.LatentSize) : ParseLatent(given);
                float[] clip = await decoder.GenerateSoundAsync(z, midi, ct);
                string stem = Path.Combine(outDir.FullName, $"{folder.Manifest.Name}-{(midi is null ? "" : $"p{midi}-")}s{s}");
                WavFile.Write(stem + ".wav", new AudioClip(clip, 1, decoder.SampleRate));
                var recipe = new { model = folder.Manifest.Name, version = folder.Manifest.Version, kind = "sound", pitch = midi, seed = given is null ? s : (int?)null, latent = z };
                AtomicFile.WriteAllText(stem + ".json", JsonSerializer.Serialize(recipe, CliJson.Options));
                Console.WriteLine($"wrote {stem}.wav ({clip.Length / (double)decoder.SampleRate:F2} s at {decoder.SampleRate} Hz)");
            }
            return 0;
        });
        return command;
    }

    private static float[] ParseLatent(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select((v, i) => float.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out float f)
                ? f : throw new ArgumentException($"--latent value {i} ('{v}') is not a number."))
            .ToArray();
}

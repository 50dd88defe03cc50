using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GenWorld.Content.Audio;
using GenWorld.Core.Audio;
using GenWorld.Core.IO;
using GenWorld.Core.Models;
using GenWorld.Inference;
using GenWorld.Inference.Generation;
using GenWorld.Inference.Models;

namespace GenWorld.Cli.Commands;

/// <summary>
/// <c>genworld encode FILE</c>: the latent a sound VAE hears in a sound file (the encoder's mean), printed as the
/// comma-separated list <c>generate sound --latent</c> takes, and with <c>--out</c> saved as JSON beside the model's name and version.
/// A file or model that cannot be used ends in the one error path (<see cref="CliErrorPath"/>): "encode: reason".
/// </summary>
internal static class EncodeCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The sound to encode: WAV, OGG, MP3 or FLAC (its first clip-length is encoded)." };
        var model = new Option<DirectoryInfo>("--model") { Description = $"Sound-VAE model folder with an encoder; default {GenerateVariationsCommand.DefaultModel}.", DefaultValueFactory = _ => new DirectoryInfo(GenerateVariationsCommand.DefaultModel) };
        var output = new Option<FileInfo?>("--out") { Description = "Also save the latent as JSON here ({file, model, modelVersion, latent})." };
        var command = new Command("encode", "Print (and save) the latent of a sound file: paste it into `generate sound --latent`, or see where the file sits in the field.") { file, model, output };
        command.SetAction(parse =>
        {
            FileInfo source = parse.GetValue(file)!;
            string folder = parse.GetValue(model)!.FullName;
            if (!source.Exists) throw new FileNotFoundException($"'{source.FullName}' does not exist.", source.FullName);
            AudioClip clip = AudioDecoder.Load(source.FullName);
            using ModelFolder opened = ModelFolder.Open(folder, new OrtSessionFactory(OrtConsoleLog.Line), OrtSessionSettings.Default);
            if (opened.Manifest.Kind != ModelKind.SoundVae || !opened.Manifest.Parts.Any(p => p.Name == "encoder"))
                throw new NotSupportedException($"{folder} has no encoder: encoding needs a sound VAE.");
            float[] latent = new SoundEncoder(opened).Encode(clip);
            string list = string.Join(",", latent.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
            Console.WriteLine($"{source.Name} in {opened.Manifest.Name} v{opened.Manifest.Version} ({latent.Length} values):");
            Console.WriteLine(list);
            if (parse.GetValue(output) is { } json)
            {
                var saved = new { file = source.FullName, model = folder, modelVersion = opened.Manifest.Version, latent };
                AtomicFile.WriteAllText(json.FullName, JsonSerializer.Serialize(saved, Indented));
                Console.WriteLine($"saved {json.FullName}");
            }
            return 0;
        });
        return command;
    }
}

using System.CommandLine;
using GenWorld.Content.Audio;
using GenWorld.Inference;
using GenWorld.Inference.Finishing;
using GenWorld.Inference.Models;

namespace GenWorld.Cli.Commands;

/// <summary>
/// <c>genworld generate variations FILE --count N --amount A</c>: encode a sound file (any format `dataset import`
/// reads), move its latent by A standard-normal steps per variation, decode: N WAVs + recipes and a contact sheet.
/// </summary>
internal static class GenerateVariationsCommand
{
    /// <summary>Default model: the full-band sound-effects VAE (a user's own sounds are more often effects than notes).</summary>
    internal const string DefaultModel = "models/sfx-vae";

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The sound to vary: WAV, OGG, MP3 or FLAC (its first clip-length is encoded)." };
        var model = new Option<DirectoryInfo>("--model") { Description = $"Sound-VAE model folder (it needs an encoder); default {DefaultModel}.", DefaultValueFactory = _ => new DirectoryInfo(DefaultModel) };
        var count = new Option<int>("--count") { Description = "How many variations.", DefaultValueFactory = _ => 8 };
        var amount = new Option<float>("--amount") { Description = "How far each moves from the file's latent, in standard deviations of the prior (0.1: close; 1: loosely related).", DefaultValueFactory = _ => 0.5f };
        var pitch = new Option<int?>("--pitch") { Description = "MIDI pitch for pitch-conditioned models (e.g. the notes VAEs)." };
        var seed = new Option<int>("--seed") { Description = "Seed of the latent moves: the same seed gives the same files.", DefaultValueFactory = _ => 1 };
        var rate = new Option<int>("--rate") { Description = "Output sample rate in Hz.", DefaultValueFactory = _ => SoundFinishing.Default.OutputRate };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Output folder (default generated/variations-FILE)." };
        var command = new Command("variations", "Variations of a sound file: encode it, move its latent, decode (WAV + recipe each, and a contact-sheet PNG).")
        {
            file, model, count, amount, pitch, seed, rate, output,
        };
        command.SetAction(async (parse, ct) =>
        {
            FileInfo source = parse.GetValue(file)!;
            var request = new VariationsRequest(source, parse.GetValue(model)!.FullName, parse.GetValue(count), parse.GetValue(amount), parse.GetValue(pitch),
                parse.GetValue(seed), parse.GetValue(rate),
                parse.GetValue(output)?.FullName ?? Path.GetFullPath(Path.Combine("generated", "variations-" + Path.GetFileNameWithoutExtension(source.Name))));
            try
            {
                foreach (string line in await VariationsGeneration.RunAsync(request, ct)) Console.WriteLine(line);
                return 0;
            }
            catch (Exception e) when (e is ArgumentException or InvalidDataException or IOException or AudioDecodeException or InvalidModelFolderException
                or InvalidModelException or NotSupportedException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException)
            {
                Console.Error.WriteLine($"generate variations: {e.Message.Split(" (Parameter '")[0]}");
                return 1;
            }
        });
        return command;
    }
}

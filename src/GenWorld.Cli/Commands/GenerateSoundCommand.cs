using System.CommandLine;
using System.Globalization;
using GenWorld.Inference;
using GenWorld.Inference.Finishing;
using GenWorld.Inference.Models;

namespace GenWorld.Cli.Commands;

/// <summary>
/// <c>genworld generate sound</c>: finished clips from a sound model folder through the generation service — seeded random
/// latents, a given latent, or the path between two recordings (--between A.wav B.wav) — each written as WAV with a JSON
/// recipe beside it from which <c>--recipe</c> regenerates the identical file. <c>--like FILE</c> is
/// <c>generate variations</c> under the name a designer looks for (the same code).
/// </summary>
internal static class GenerateSoundCommand
{
    private const string DefaultModel = "models/notes-vae";

    public static Command Create()
    {
        var model = new Option<DirectoryInfo?>("--model") { Description = $"Model folder (default {DefaultModel}, or the recipe's)." };
        var pitch = new Option<int?>("--pitch") { Description = "MIDI pitch (pitch-conditioned models), e.g. 60 for middle C." }.Between(0, 127);
        var label = new Option<string?>("--label") { Description = "Class label of label-conditioned models, e.g. the family of models/notes-gan: piano, strings, brass, ..." };
        var latent = new Option<string?>("--latent") { Description = "Comma-separated latent values; default: seeded standard-normal latents." };
        var between = new Option<FileInfo[]>("--between") { Description = "Two WAV files: encode both and write the interpolation between them.", Arity = new ArgumentArity(2, 2), AllowMultipleArgumentsPerToken = true }.ExistingFiles();
        var steps = new Option<int>("--steps") { Description = "Clips along --between, both ends included.", DefaultValueFactory = _ => 8 }.Between(2, 1000);
        var rate = new Option<int>("--rate") { Description = "Output sample rate in Hz.", DefaultValueFactory = _ => SoundFinishing.Default.OutputRate };
        var seed = new Option<int>("--seed") { Description = "Seed of the random latents: the same seed gives the same file.", DefaultValueFactory = _ => 1 };
        var count = new Option<int>("--count") { Description = "How many seeded clips (seeds seed, seed+1, ...).", DefaultValueFactory = _ => 1 }.Between(1, 10000);
        var output = new Option<DirectoryInfo>("--out") { Description = "Output folder.", DefaultValueFactory = _ => new DirectoryInfo("generated") }.OutputFolder();
        var recipe = new Option<FileInfo?>("--recipe") { Description = "Regenerate the file a recipe (.json) describes." }.ExistingFile();
        var code = new Option<string?>("--code") { Description = "Regenerate the sound a recipe code (gw1_..., from `genworld studio`) names; the model is models/<its name> unless --model says otherwise." };
        var like = new Option<FileInfo?>("--like") { Description = $"Variations of your own sound file (WAV, OGG, MP3, FLAC): --count of them around its latent, and its reconstruction (default model {GenerateVariationsCommand.DefaultModel}; the same as `generate variations`)." };
        var spread = new Option<float>("--spread") { Description = "With --like: how far each variation moves, in standard deviations of the prior (0.1: close; 1: loosely related).", DefaultValueFactory = _ => 0.5f };
        var command = new Command("sound", "Generate sounds (WAV + JSON recipe per clip).") { model, pitch, label, latent, between, steps, rate, seed, count, output, recipe, code, like, spread };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                if (parse.GetValue(like) is { } file)
                {
                    if (parse.GetValue(latent) is not null || parse.GetValue(between) is { Length: > 0 } || parse.GetValue(recipe) is not null || parse.GetValue(code) is not null || parse.GetValue(label) is not null)
                        throw new ArgumentException("--like makes variations of one file; leave out --latent, --between, --recipe, --code and --label.");
                    // --out given: there; else generated/variations-FILE, as `generate variations` does.
                    string folder = parse.GetResult(output) is { Implicit: false }
                        ? parse.GetValue(output)!.FullName
                        : Path.GetFullPath(Path.Combine("generated", "variations-" + Path.GetFileNameWithoutExtension(file.Name)));
                    var variations = new VariationsRequest(file, parse.GetValue(model)?.FullName ?? GenerateVariationsCommand.DefaultModel, parse.GetValue(count),
                        parse.GetValue(spread), parse.GetValue(pitch), parse.GetValue(seed), parse.GetValue(rate), folder);
                    foreach (string line in await VariationsGeneration.RunAsync(variations, ct)) Console.WriteLine(line);
                    return 0;
                }
                var request = new SoundRequest
                {
                    Model = parse.GetValue(model)?.FullName, Pitch = parse.GetValue(pitch), Label = parse.GetValue(label), Latent = parse.GetValue(latent),
                    Between = parse.GetValue(between) is { Length: > 0 } pair ? pair : null, Steps = parse.GetValue(steps), Rate = parse.GetValue(rate),
                    Seed = parse.GetValue(seed), Count = parse.GetValue(count), Output = parse.GetValue(output)!, Recipe = parse.GetValue(recipe),
                    Code = parse.GetValue(code),
                };
                foreach (string line in await SoundGeneration.RunAsync(request, ct)) Console.WriteLine(line);
                return 0;
            }
            catch (Exception e) when (e is ArgumentException or InvalidDataException or IOException or Content.Audio.AudioDecodeException or InvalidModelFolderException
                or InvalidModelException or NotSupportedException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException)
            {
                // ArgumentException appends "(Parameter 'x')" and a second line; the first part says it all.
                Console.Error.WriteLine($"generate sound: {e.Message.Split(" (Parameter '")[0]}");
                return 1;
            }
        });
        return command;
    }

    /// <summary>Parses "0.1,-0.3,..." naming the value that is not a number.</summary>
    internal static float[] ParseLatent(string text) =>
        [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select((v, i) => float.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out float f)
                ? f : throw new ArgumentException($"--latent value {i} ('{v}') is not a number."))];

    internal static string DefaultModelFolder => DefaultModel;

    /// <summary>Where a recipe code's model name is looked up.</summary>
    internal static string ModelsRoot => "models";
}

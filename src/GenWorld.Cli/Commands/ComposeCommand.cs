using System.CommandLine;
using System.Text.Json;
using GenWorld.Cli.Prior;
using GenWorld.Core.Audio;
using GenWorld.Core.IO;
using GenWorld.Core.Sequences;
using GenWorld.Inference;
using GenWorld.Inference.Generation;
using GenWorld.Inference.Models;
using Spectre.Console;

namespace GenWorld.Cli.Commands;

/// <summary>
/// <c>genworld compose --model models/notes-prior --seconds 30 --out DIR</c>: the prior writes a performance, every note
/// is rendered through the notes VAE, and DIR gets performance.wav, path.json (the notes with their timbre latents and,
/// when the VAE folder has field anchors, their positions in the field), camera-path.json (the attract-mode tour of the
/// same performance, for `genworld render --path`) and recipe.json (everything needed to make the same files again).
/// </summary>
internal static class ComposeCommand
{
    public static Command Create()
    {
        var model = new Option<DirectoryInfo>("--model") { Description = "Prior model folder.", DefaultValueFactory = _ => new DirectoryInfo("models/notes-prior") };
        var vae = new Option<DirectoryInfo>("--vae") { Description = "Notes VAE that renders the notes.", DefaultValueFactory = _ => new DirectoryInfo("models/notes-vae") };
        var seconds = new Option<double>("--seconds") { Description = "Length of the performance.", DefaultValueFactory = _ => 30 }.Above(0, 600);
        var seed = new Option<int>("--seed") { Description = "Sampling seed.", DefaultValueFactory = _ => 1 };
        var temperature = new Option<double>("--temperature") { Description = "Sampling temperature.", DefaultValueFactory = _ => 0.9 }.Above(0, 100);
        var topK = new Option<int>("--top-k") { Description = "Keep the k most likely tokens (0: all).", DefaultValueFactory = _ => 0 }.Between(0, 100000);
        var output = new Option<DirectoryInfo>("--out") { Description = "Output folder.", DefaultValueFactory = _ => new DirectoryInfo("generated/compose") }.OutputFolder();
        var command = new Command("compose", "Generate a performance with the Transformer prior and render it through the notes VAE (WAV + path + recipe).")
        {
            model, vae, seconds, seed, temperature, topK, output,
        };
        command.SetAction(parse =>
        {
            double length = parse.GetValue(seconds);
            NoteTokenSampler settings;
            try { settings = new NoteTokenSampler(parse.GetValue(temperature), parse.GetValue(topK)); }
            catch (ArgumentOutOfRangeException e) { return Fail($"--temperature/--top-k: {e.Message}", 2); }
            try
            {
                var factory = new OrtSessionFactory(OrtConsoleLog.Line);
                // One thread: the figure the README quotes, and what leaves the other cores to rendering and audio.
                using ModelFolder prior = ModelFolder.Open(parse.GetValue(model)!.FullName, factory, new OrtSessionSettings(IntraOpThreads: 1));
                using ModelFolder notes = ModelFolder.Open(parse.GetValue(vae)!.FullName, factory);
                var timbres = TimbreTable.Load(Path.Combine(prior.Path, TimbreTable.FileName));
                var composition = Composition.Sample(new PriorSampler(prior), length, parse.GetValue(seed), settings);
                var renderer = new PerformanceRenderer(new SoundDecoder(notes), timbres);
                float[] mix = renderer.Render(composition.Events, length);
                string dir = parse.GetValue(output)!.FullName;
                Directory.CreateDirectory(dir);
                WavFile.Write(Path.Combine(dir, "performance.wav"), new AudioClip(mix, 1, renderer.SampleRate));
                FieldPlacement? field = FieldPlacement.TryOpen(notes.Path);
                WritePath(Path.Combine(dir, "path.json"), composition, timbres, field);
                if (field is not null)
                {
                    // The same seed and settings replay the same notes, so the recorded tour moves with the music.
                    var tour = field.Tour(new PriorSampler(prior).Start(parse.GetValue(seed), settings), timbres, length);
                    AtomicFile.WriteAllText(Path.Combine(dir, "camera-path.json"), tour.ToJson());
                }
                var recipe = new
                {
                    kind = "compose", model = prior.Manifest.Name, modelVersion = prior.Manifest.Version, vae = notes.Manifest.Name,
                    seconds = length, seed = parse.GetValue(seed), temperature = settings.Temperature, topK = settings.TopK,
                    notes = composition.Events.Count, tokens = composition.Tokens, tokensPerSecond = Math.Round(composition.TokensPerSecond, 1),
                    decodedSounds = renderer.DecodedSounds, wav = "performance.wav", path = "path.json", cameraPath = field is null ? null : "camera-path.json",
                };
                AtomicFile.WriteAllText(Path.Combine(dir, "recipe.json"), JsonSerializer.Serialize(recipe, CliJson.Options));
                AnsiConsole.MarkupLine($"{composition.Events.Count} notes ({composition.Tokens} tokens at {composition.TokensPerSecond:F0} tokens/s), " +
                                       $"{renderer.DecodedSounds} sounds decoded → {Markup.Escape(dir)}");
                return 0;
            }
            catch (Exception e) when (e is InvalidModelFolderException or IOException or InvalidDataException or ArgumentException)
            {
                return Fail(e.Message, 1);
            }
        });
        return command;
    }

    private static void WritePath(string path, Composition composition, TimbreTable timbres, FieldPlacement? field)
    {
        var events = composition.Events.Select(e => new
        {
            t = Math.Round(e.OnsetSeconds, 4), duration = Math.Round(e.DurationSeconds, 4), family = e.Family,
            familyName = GeneralMidi.FamilyNames[e.Family], pitch = e.Pitch, latent = timbres.For(e.Family, e.Pitch).Latent,
            position = field is null ? null : Xyz(field.PositionOf(timbres, e)),
        });
        var doc = new { version = 1, stepSeconds = NoteVocabulary.StepSeconds, timbreModel = timbres.SourceModel, events };
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(doc, CliJson.Options));
    }

    private static float[] Xyz(System.Numerics.Vector3 v) => [MathF.Round(v.X, 4), MathF.Round(v.Y, 4), MathF.Round(v.Z, 4)];

    private static int Fail(string message, int code)
    {
        return CliMessage.Fail($"compose: {message}", code);
    }
}

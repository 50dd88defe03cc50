using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GenWorld.Core.IO;
using GenWorld.Inference;
using GenWorld.Inference.Models;
using Spectre.Console;

namespace GenWorld.Cli.Commands;

/// <summary>
/// <c>genworld evaluate sound --model models/X --dataset DIR</c>: pitch accuracy (with YIN's real-data score beside it),
/// NDB/K (with the real-vs-real floor) and samples per second of a sound VAE or GAN folder, on one ONNX Runtime
/// thread; writes evaluation.json into the model folder (or --out) atomically and prints a table.
/// </summary>
internal static class EvaluateSoundCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, DictionaryKeyPolicy = null };

    public static Command Create()
    {
        var model = new Option<DirectoryInfo>("--model") { Description = "Model folder (sound-vae or sound-gan).", Required = true }.ExistingFolder();
        var dataset = new Option<string>("--dataset") { Description = "The dataset the model was trained on (its held-out clips are used).", Required = true };
        var count = new Option<int>("--count") { Description = "At most this many held-out clips (and as many generated).", DefaultValueFactory = _ => 1000 }.Between(10, 1_000_000);
        var seed = new Option<int>("--seed") { Description = "Seed of latents and k-means.", DefaultValueFactory = _ => 1 };
        var output = new Option<string?>("--out") { Description = "Where to write the JSON (default: MODEL/evaluation.json)." };
        var command = new Command("sound", "Pitch accuracy, NDB/K and samples/s of a sound model against held-out real clips.") { model, dataset, count, seed, output };
        command.SetAction(parse =>
        {
            int n = parse.GetValue(count);
            try
            {
                string dir = parse.GetValue(model)!.FullName;
                // One intra-op thread on the CPU: the figure the families table compares (and what a game's worker gets).
                using ModelFolder folder = ModelFolder.Open(dir, new OrtSessionFactory(OrtConsoleLog.Line),
                    new OrtSessionSettings(DevicePreference.Cpu, IntraOpThreads: 1));
                var sampler = new SoundModelSampler(folder);
                var source = TrainDatasetClipSource.Open(parse.GetValue(dataset)!);
                AnsiConsole.MarkupLine($"Loading clips from [bold]{Markup.Escape(source.Description)}[/]...");
                // Band-limited clips are left out as the full-band trainers leave them out, so both hold out the same clips.
                var clips = source.Load().Where(c => Content.Datasets.BandwidthLabels.IsFullBand(c.Labels)).ToList();
                SoundEvaluationResult result = SoundEvaluation.Run(sampler, folder.Manifest.Name, folder.Manifest.Kind.ToString(), clips,
                    source.Description, source.Version, n, parse.GetValue(seed), folder.Device.ToString(), line => AnsiConsole.MarkupLine(Markup.Escape(line)));
                string path = parse.GetValue(output) ?? Path.Combine(dir, "evaluation.json");
                AtomicFile.WriteAllText(path, JsonSerializer.Serialize(result, Json));
                Print(result);
                AnsiConsole.MarkupLine($"Written {Markup.Escape(path)}");
                return 0;
            }
            catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException or InvalidModelFolderException or Content.Datasets.DatasetException)
            {
                return CliMessage.Fail($"evaluate sound: {e.Message}", 1);
            }
        });
        return command;
    }

    private static void Print(SoundEvaluationResult r)
    {
        var table = new Table().AddColumns("figure", "generated", "real (reference)");
        string P(double v) => v.ToString("P1", CultureInfo.InvariantCulture);
        if (r.Pitch is { } p)
        {
            table.AddRow($"pitch accuracy (±{p.ToleranceCents:F0} cents, MIDI {p.MidiMin}-{p.MidiMax}, {p.Generated.Notes} notes)", P(p.Generated.Accuracy), P(p.Real.Accuracy) + " (YIN on held-out notes)");
            table.AddRow("  no pitch found", p.Generated.NoEstimate.ToString(CultureInfo.InvariantCulture), p.Real.NoEstimate.ToString(CultureInfo.InvariantCulture));
            table.AddRow($"  with lax YIN (threshold {p.LaxThreshold})", P(p.GeneratedLax.Accuracy), P(p.RealLax.Accuracy));
        }
        if (r.FullBand is { } f)
        {
            string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
            table.AddRow("random samples' latents from", Markup.Escape(r.RandomLatents), "");
            table.AddRow("1-NN two-sample accuracy, full band (0.5 = indistinguishable)", F(f.Generated.NearestNeighbourAccuracy), F(f.RealFloor.NearestNeighbourAccuracy) + " (real vs held-out)");
            table.AddRow("Fréchet distance, full band", F(f.Generated.FrechetDistance), F(f.RealFloor.FrechetDistance));
            table.AddRow("median energy share above 8 kHz", F(f.Generated.HighBandShareMedian), F(f.RealFloor.HighBandShareMedian) + " (held-out)");
            if (f.Reconstructions is { } rec)
                table.AddRow("  VAE reconstructions: 1-NN / Fréchet / >8 kHz", $"{F(rec.NearestNeighbourAccuracy)} / {F(rec.FrechetDistance)} / {F(rec.HighBandShareMedian)}", "");
            table.AddRow("given away most by (Cohen's d, generated - real)", Markup.Escape(string.Join("; ", f.Generated.GivenAwayBy.Take(4).Select(g => $"{g.Feature} {g.EffectSize:+0.0;-0.0}"))), "");
        }
        table.AddRow($"NDB/K (K = {r.Ndb.K}, {r.Ndb.ClipsPerSet} clips per set)", r.Ndb.GeneratedVsHeldOut.ToString("F2", CultureInfo.InvariantCulture), r.Ndb.RealVsHeldOut.ToString("F2", CultureInfo.InvariantCulture) + " (train vs held-out)");
        table.AddRow("speed (1 ORT thread, graph + synthesis + finishing at 48 kHz)", $"{r.Speed.ClipsPerSecond:F1} clips/s, {r.Speed.SamplesPerSecond / 1000:F0} k samples/s, {r.Speed.RealTimeFactor:F0}× real time", "");
        AnsiConsole.Write(new Rule($"{r.Model} ({r.Kind})"));
        AnsiConsole.Write(table);
    }
}

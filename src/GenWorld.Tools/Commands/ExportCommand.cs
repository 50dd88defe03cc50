using System.CommandLine;
using GenWorld.Cli.Prior;
using GenWorld.Training.Models;
using GenWorld.Training.Runs;
using Spectre.Console;

namespace GenWorld.Cli.Commands;

/// <summary><c>genworld export &lt;checkpoint&gt; --out models/&lt;name&gt;</c>: ONNX parts + manifest.json from a training checkpoint.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var checkpoint = new Argument<string>("checkpoint") { Description = "A checkpoint folder (runs/x/checkpoints/step-N) or a run folder (its latest checkpoint)." };
        var output = new Option<string>("--out") { Description = "Model folder to write, e.g. models/notes-vae.", Required = true };
        var command = new Command("export", "Export a trained checkpoint to ONNX with its manifest.json.");
        command.Arguments.Add(checkpoint);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            try
            {
                string dir = parse.GetValue(checkpoint)!;
                if (!File.Exists(Path.Combine(dir, "checkpoint.json")))
                    dir = new CheckpointStore(dir).LatestDirectory() ?? throw new TrainingException($"{dir} is neither a checkpoint nor a run folder with checkpoints.");
                string kind = CheckpointStore.Inspect(dir).Kind;
                var manifest = kind switch
                {
                    "sound-vae" => SoundVaeExport.Export(dir, parse.GetValue(output)!),
                    "synth-vae" => Training.Synth.SynthVaeExport.Export(dir, parse.GetValue(output)!),
                    "synth-gan" => Training.Synth.SynthGanExport.Export(dir, parse.GetValue(output)!),
                    Training.Textures.TextureGan.KindName => Training.Textures.TextureGanExporter.FromCheckpoint(dir, parse.GetValue(output)!),
                    "transformer-prior" or "gru-prior" => PriorModelExport.Export(dir, parse.GetValue(output)!),
                    Training.SoundGan.SoundGan.KindName => Training.SoundGan.SoundGanExporter.FromCheckpoint(dir, parse.GetValue(output)!),
                    _ => throw new TrainingException($"{dir}: no exporter for '{kind}' checkpoints yet."),
                };
                AnsiConsole.MarkupLine($"Exported {Markup.Escape(manifest.Name)}: {Markup.Escape(string.Join(", ", manifest.Parts.Select(p => p.File)))} + manifest.json");
                return 0;
            }
            catch (Exception e) when (e is TrainingException or IOException or InvalidDataException or Training.Export.OnnxExportException or Content.Datasets.DatasetException)
            {
                AnsiConsole.MarkupLine($"[red]export: {Markup.Escape(e.Message)}[/]");
                return 1;
            }
        });
        return command;
    }
}

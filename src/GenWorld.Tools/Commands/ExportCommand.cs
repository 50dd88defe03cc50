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
                string target = parse.GetValue(output)!;
                if (File.Exists(Path.Combine(target, Core.Models.ModelVersions.LatestFile)))
                    throw new IOException($"--out {target}: holds versions published by `genworld serve` (it has a 'latest' file); export to a new folder instead.");
                string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(target)));
                Core.Models.ModelManifest manifest = null!;
                // A fresh folder swapped in whole: nothing of an earlier model (anchors, evaluation, report) survives beside the new one.
                Core.IO.FolderSwap.Replace(target, temp =>
                {
                    manifest = ExportGraphs(kind, dir, temp, name);
                    // The weights go along so `train --base-model` can fine-tune from this folder later.
                    ModelCheckpoint.WriteInto(dir, temp);
                });
                long bytes = Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
                AnsiConsole.MarkupLine($"Exported {Markup.Escape(manifest.Name)}: {Markup.Escape(string.Join(", ", manifest.Parts.Select(p => p.File)))} + manifest.json + {ModelCheckpoint.FolderName}/ ({bytes / 1e6:0.0} MB in all)");
                return 0;
            }
            catch (Exception e) when (e is TrainingException or IOException or InvalidDataException or Training.Export.OnnxExportException or Content.Datasets.DatasetException)
            {
                return CliMessage.Fail($"export: {e.Message}", 1);
            }
        });
        return command;
    }

    private static Core.Models.ModelManifest ExportGraphs(string kind, string dir, string temp, string name) => kind switch
    {
        "sound-vae" => SoundVaeExport.Export(dir, temp, name),
        "synth-vae" => Training.Synth.SynthVaeExport.Export(dir, temp, name),
        "synth-gan" => Training.Synth.SynthGanExport.Export(dir, temp, name),
        Training.Textures.TextureGan.KindName => Training.Textures.TextureGanExporter.FromCheckpoint(dir, temp, name),
        "transformer-prior" or "gru-prior" => PriorModelExport.Export(dir, temp, name),
        Training.SoundGan.SoundGan.KindName => Training.SoundGan.SoundGanExporter.FromCheckpoint(dir, temp, name),
        _ => throw new TrainingException($"{dir}: no exporter for '{kind}' checkpoints yet."),
    };
}

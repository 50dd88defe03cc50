using System.CommandLine;
using GenWorld.Core.Dsp;
using GenWorld.Training.Data;
using GenWorld.Training.Models;
using GenWorld.Training.Runs;
using Spectre.Console;

namespace GenWorld.Cli.Commands;

/// <summary><c>genworld train sound-vae</c>: the sound VAE over 16 kHz one-second clips (log-magnitude + IF).</summary>
internal static class TrainSoundVaeCommand
{
    public static Command Create()
    {
        var common = new TrainOptions();
        var latent = new Option<int>("--latent") { Description = "Latent size.", DefaultValueFactory = _ => 16 };
        var channels = new Option<int>("--channels") { Description = "Base conv channels.", DefaultValueFactory = _ => 16 };
        var batch = new Option<int>("--batch") { Description = "Clips per step.", DefaultValueFactory = _ => 16 };
        var lr = new Option<double>("--lr") { Description = "Adam learning rate.", DefaultValueFactory = _ => 1e-3 };
        var noPitch = new Option<bool>("--no-pitch") { Description = "Do not condition on the pitch label." };
        var command = new Command("sound-vae", "Train the sound VAE.");
        common.AddTo(command);
        foreach (Option o in new Option[] { latent, channels, batch, lr, noPitch }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            TrainingRunOptions run = common.ToRunOptions(parse, "sound-vae");
            var training = new SoundVaeTrainingOptions { BatchSize = parse.GetValue(batch), LearningRate = parse.GetValue(lr) };
            try
            {
                IClipSource source = TrainDatasetClipSource.Open(parse.GetValue(common.Dataset)!);
                AnsiConsole.MarkupLine($"Loading clips from [bold]{Markup.Escape(source.Description)}[/]...");
                var representation = SpectralRepresentation.Default;
                var clips = ClipPreparer.Prepare(source.Load(), representation);
                var config = SoundVaeTrainer.ConfigFor(representation, clips, parse.GetValue(latent), parse.GetValue(channels), !parse.GetValue(noPitch));
                AnsiConsole.MarkupLine($"{clips.Count} clips, {Markup.Escape(config.ToString())}");
                var result = TrainingRun.Execute(run,
                    _ => new SoundVaeTrainer(config, training, representation, clips, source.Version, source.Licence),
                    new SpectreTrainingProgress());
                foreach ((string name, double value) in result.Report.Metrics)
                    AnsiConsole.MarkupLine($"  {Markup.Escape(name)}: {value:G5}");
                AnsiConsole.MarkupLine($"Report: {Markup.Escape(Path.Combine(run.OutDir, "report.json"))}; checkpoint: {Markup.Escape(result.Report.Checkpoint)}");
                return 0;
            }
            catch (Exception e) when (e is TrainingException or InvalidDataException or IOException or ArgumentException or Content.Datasets.DatasetException)
            {
                AnsiConsole.MarkupLine($"[red]train sound-vae: {Markup.Escape(e.Message)}[/]");
                return 1;
            }
        });
        return command;
    }
}

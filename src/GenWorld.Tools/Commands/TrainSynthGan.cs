using System.CommandLine;
using GenWorld.Content.Datasets;
using GenWorld.Training.Data;
using GenWorld.Training.Runs;
using GenWorld.Training.Synth;
using Spectre.Console;

namespace GenWorld.Cli.Commands;

/// <summary><c>genworld train sound-gan --from-vae RUN</c>: the full-band conditional GAN, its generator starting from a full-band VAE's decoder.</summary>
internal static class TrainSynthGan
{
    public static int Run(ParseResult parse, TrainOptions common, string vaeRun, int noiseSize, int batch, double learningRate)
    {
        TrainingRunOptions run = common.ToRunOptions(parse, "synth-gan");
        if (run.Validate() is { Count: > 0 } problems)
        {
            return CliMessage.Fail($"train sound-gan: {string.Join(" ", problems)}", 2);
        }
        try
        {
            IClipSource source = TrainDatasetClipSource.Open(parse.GetValue(common.Dataset)!);
            AnsiConsole.MarkupLine($"Loading clips from [bold]{Markup.Escape(source.Description)}[/]...");
            IReadOnlyList<ClipItem> items = [.. source.Load().Where(c => BandwidthLabels.IsFullBand(c.Labels))];
            string[] labels = [.. items.Select(c => c.Labels.GetValueOrDefault("family", "")).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
            TrainingRunResult result = TrainingRun.Execute(run, _ =>
            {
                SynthDecoder decoder = SynthGanExport.DecoderOfVae(vaeRun);
                IReadOnlyList<SynthClip> clips = SynthClip.Prepare(items, decoder.Synth);
                AnsiConsole.MarkupLine($"{clips.Count} clips, {labels.Length} families; generator from {Markup.Escape(vaeRun)}");
                return new SynthGanTrainer(decoder, clips, labels, noiseSize, batch, learningRate: learningRate, datasetVersion: source.Version, licence: source.Licence, baseModel: Path.GetFullPath(vaeRun));
            }, new SpectreTrainingProgress());
            AnsiConsole.MarkupLine($"Report: {Markup.Escape(Path.Combine(run.OutDir, "report.json"))}; checkpoint: {Markup.Escape(result.Report.Checkpoint)}");
            return 0;
        }
        catch (Exception e) when (e is TrainingException or InvalidDataException or IOException or ArgumentException or DatasetException)
        {
            return CliMessage.Fail($"train sound-gan: {e.Message}", 1);
        }
    }
}

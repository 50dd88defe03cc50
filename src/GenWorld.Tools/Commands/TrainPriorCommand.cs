using System.CommandLine;
using GenWorld.Core.Sequences;
using GenWorld.Training.Prior;
using GenWorld.Training.Runs;
using Spectre.Console;

namespace GenWorld.Cli.Commands;

/// <summary><c>genworld train prior --model transformer|gru</c>: a note prior over the sequences dataset.</summary>
internal static class TrainPriorCommand
{
    public static Command Create()
    {
        var common = new TrainOptions();
        var model = new Option<string>("--model") { Description = "transformer or gru (the baseline).", DefaultValueFactory = _ => "transformer" };
        var context = new Option<int>("--context") { Description = "Window length in tokens.", DefaultValueFactory = _ => 128 }.Between(2, 65536);
        var batch = new Option<int>("--batch") { Description = "Windows per step.", DefaultValueFactory = _ => 16 }.Between(1, 4096);
        var lr = new Option<double>("--lr") { Description = "Adam learning rate.", DefaultValueFactory = _ => 1e-3 }.Above(0, 1);
        var command = new Command("prior", "Train the note prior (Transformer, or the GRU baseline) on `dataset build sequences` output.");
        common.AddTo(command);
        foreach (Option o in new Option[] { model, context, batch, lr }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            string name = parse.GetValue(model)!;
            PriorConfig? config = name.ToLowerInvariant() switch
            {
                "transformer" => PriorConfig.Transformer(NoteVocabulary.Size, parse.GetValue(context)),
                "gru" => PriorConfig.Gru(NoteVocabulary.Size, parse.GetValue(context)),
                _ => null,
            };
            TrainingRunOptions run = common.ToRunOptions(parse, $"prior-{name}");
            var training = new PriorTrainingOptions { BatchSize = parse.GetValue(batch), LearningRate = parse.GetValue(lr) };
            var problems = run.Validate().Concat(training.Validate()).Concat(config?.Validate() ?? [$"--model: '{name}' is not transformer or gru."]).ToList();
            if (problems.Count > 0)
            {
                return CliMessage.Fail($"train prior: {string.Join(" ", problems)}", 2);
            }
            try
            {
                var corpus = PriorCorpus.Load(parse.GetValue(common.Dataset)!);
                AnsiConsole.MarkupLine($"{corpus.Train.Count} training pieces ({corpus.Train.Sum(p => p.Length)} tokens), {corpus.Test.Count} held out ({corpus.Test.Sum(p => p.Length)} tokens)");
                var result = TrainingRun.Execute(run, _ => new PriorTrainer(config!, training, corpus), new SpectreTrainingProgress());
                foreach ((string metric, double value) in result.Report.Metrics)
                    AnsiConsole.MarkupLine($"  {Markup.Escape(metric)}: {value:G5}");
                AnsiConsole.MarkupLine($"Report: {Markup.Escape(Path.Combine(run.OutDir, "report.json"))}; checkpoint: {Markup.Escape(result.Report.Checkpoint)}");
                return 0;
            }
            catch (Exception e) when (e is TrainingException or InvalidDataException or IOException or ArgumentException)
            {
                return CliMessage.Fail($"train prior: {e.Message}", 1);
            }
        });
        return command;
    }
}

using System.CommandLine;
using GenWorld.Service.Recipes;
using GenWorld.Training.Runs;
using Spectre.Console;

namespace GenWorld.Cli.Commands;

/// <summary>What every `genworld train &lt;kind&gt;` does once its options are read: train here through <see cref="TrainJob"/>, or submit with --via.</summary>
internal static class TrainExecution
{
    public static async Task<int> RunAsync(ParseResult parse, TrainOptions common, TrainViaOptions remote, ITrainRecipe recipe, IReadOnlyDictionary<string, double> given, CancellationToken ct)
    {
        string verb = $"train {recipe.Kind}";
        if (parse.GetValue(remote.Via) is { } via)
            return await RemoteTrain.RunAsync(parse, common, remote, via, recipe, given, ct);
        var errors = new List<string>();
        Dictionary<string, double> values = HyperParameterValues.Resolve(recipe, given, errors);
        TrainingRunOptions run = common.ToRunOptions(parse, recipe.Kind, fineTuning: parse.GetValue(remote.BaseModel) is not null);
        string? baseCheckpoint = null;
        if (parse.GetValue(remote.BaseModel) is { } baseModel)
        {
            baseCheckpoint = BaseCheckpoint.Resolve(baseModel, out string? baseError);
            if (baseError is not null) errors.Add(baseError);
        }
        // An imported dataset may be named (DATA_ROOT/imported/NAME) instead of given as a folder.
        string dataset = GenWorld.Content.Import.DataRootSetting.LocateDataset(parse.GetValue(common.Dataset)!);
        var spec = new TrainJobSpec(recipe, dataset, values, run, baseCheckpoint);
        // Options are checked before minutes of data loading, not after.
        if (errors.Count == 0) errors.AddRange(TrainJob.Validate(spec));
        if (errors.Count > 0)
        {
            return CliMessage.Fail($"{verb}: {string.Join(" ", errors)}", 2);
        }
        try
        {
            TrainingRunResult result = TrainJob.Run(spec, new SpectreTrainingProgress());
            foreach ((string name, double value) in result.Report.Metrics)
                AnsiConsole.MarkupLine($"  {Markup.Escape(name)}: {value:G5}");
            string sheet = Path.Combine(run.OutDir, "contact-sheet.png");
            AnsiConsole.MarkupLine($"Report: {Markup.Escape(Path.Combine(run.OutDir, "report.json"))}"
                + (File.Exists(sheet) ? $"; contact sheet: {Markup.Escape(sheet)}" : "") + $"; checkpoint: {Markup.Escape(result.Report.Checkpoint)}");
            return 0;
        }
        catch (Exception e) when (e is TrainingException or InvalidDataException or IOException or ArgumentException or Content.Datasets.DatasetException)
        {
            return CliMessage.Fail($"{verb}: {e.Message}", 1);
        }
    }
}

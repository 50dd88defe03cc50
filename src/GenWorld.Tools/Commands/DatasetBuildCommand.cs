using System.CommandLine;
using GenWorld.Content;
using GenWorld.Content.Datasets;
using GenWorld.Content.Debian;
using Spectre.Console;

namespace GenWorld.Cli.Commands;

/// <summary><c>genworld dataset build KIND [--out DIR] [--size fixture|small|full] [--rate HZ]</c>.</summary>
internal static class DatasetBuildCommand
{
    public static Command Create()
    {
        var kind = new Argument<string>("kind") { Description = "notes, sfx, textures or sequences" };
        var output = new Option<string?>("--out") { Description = "Output folder (default ~/.cache/genworld/datasets/KIND-SIZE)" };
        var size = new Option<string>("--size") { Description = "fixture, small or full", DefaultValueFactory = _ => "full" };
        var rate = new Option<int>("--rate") { Description = "Audio sample rate in Hz (48000: full band; 16000 rebuilds the datasets of the 16 kHz models)", DefaultValueFactory = _ => DatasetBuildOptions.FullBandRate }.Between(8000, 384000);
        var jobs = new Option<int>("--jobs") { Description = "Work units at once", DefaultValueFactory = _ => 2 }.Between(1, 64);
        var command = new Command("build", "Download the source packages, convert, and publish a dataset (resumes an interrupted build).")
        {
            kind, output, size, rate, jobs,
        };
        command.SetAction(async (parse, ct) =>
        {
            var source = DatasetKinds.TryCreate(parse.GetValue(kind)!, out var reason);
            if (source is null)
            {
                return CliMessage.Fail($"dataset build: {reason}", 2);
            }
            if (!Enum.TryParse<DatasetSize>(parse.GetValue(size), ignoreCase: true, out var datasetSize))
            {
                return CliMessage.Fail($"dataset build: --size: '{parse.GetValue(size)}' is not one of fixture, small, full.", 2);
            }
            var options = new DatasetBuildOptions
            {
                OutputDirectory = parse.GetValue(output) ?? DatasetBuildOptions.DefaultOutput(source.Kind, datasetSize),
                Size = datasetSize,
                SampleRate = parse.GetValue(rate),
                MaxParallelism = parse.GetValue(jobs),
                Command = "genworld " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)),
            };
            try { options.Validate(); }
            catch (ArgumentException e)
            {
                return CliMessage.Fail($"dataset build: {e.Message}", 2);
            }
            return await RunAsync(source, options, ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(IDatasetSource source, DatasetBuildOptions options, CancellationToken ct)
    {
        var builder = new DatasetBuilder(new DebianPackageFetcher());
        var started = DateTime.UtcNow;
        try
        {
            Dataset? dataset = null;
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask($"{source.Kind} ({options.Size.ToString().ToLowerInvariant()})", maxValue: 1);
                    var progress = new Progress<BuildProgress>(p =>
                    {
                        task.MaxValue = Math.Max(p.Total, 1);
                        task.Value = p.Done;
                        task.Description = $"{source.Kind}: {p.Stage}, {p.Items} items";
                    });
                    dataset = await builder.BuildAsync(source, options, progress, ct);
                    task.Value = task.MaxValue;
                });
            var info = dataset!.Info;
            Console.WriteLine($"Published {info.ItemCount} {info.Kind} items, version {info.Version}, to {dataset.Directory} " +
                              $"in {(DateTime.UtcNow - started).TotalSeconds:0.0} s");
            foreach (var (label, count) in info.Counts) Console.WriteLine($"  {info.PrimaryLabel} {label}: {count}");
            foreach (var (why, count) in info.Report.Skipped) Console.WriteLine($"  skipped ({why}): {count}");
            foreach (var m in info.Report.Messages) Console.WriteLine($"  note: {m}");
            return 0;
        }
        catch (DatasetBuildException e)
        {
            Console.Error.WriteLine($"dataset build failed: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine($"dataset build interrupted; run the same command again to resume from {options.OutputDirectory}.staging");
            return 130;
        }
    }
}

using System.CommandLine;
using GenWorld.Core.Native;
using GenWorld.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace GenWorld.Cli.Commands;

/// <summary><c>genworld serve</c>: the training job service (see src/GenWorld.Service/README.md).</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string[]>("--urls") { Description = $"Addresses to listen on (default {ServiceOptions.DefaultUrl}); beyond loopback a token is required.", AllowMultipleArgumentsPerToken = true };
        var data = new Option<string>("--data") { Description = $"Data root: datasets are named relative to it (default: ${GenWorld.Content.Import.DataRootSetting.Variable}, else ./content; `dataset import` writes to DATA/imported/NAME).", DefaultValueFactory = _ => GenWorld.Content.Import.DataRootSetting.Resolve(null) };
        var models = new Option<string>("--models") { Description = "Models root: jobs publish to <models>/<name>/<version>/.", DefaultValueFactory = _ => "models" };
        var state = new Option<string>("--state") { Description = "Job queue and run folders.", DefaultValueFactory = _ => Path.Combine("runs", "service") };
        var token = new Option<string?>("--token") { Description = "Bearer token every request must carry (default: GENWORLD_TOKEN)." };
        var jobs = new Option<int>("--jobs") { Description = "Jobs trained at once.", DefaultValueFactory = _ => 1 }.Between(1, 64);
        var maxQueued = new Option<int>("--max-queued") { Description = "Jobs that may wait; more submissions get 429.", DefaultValueFactory = _ => 64 }.Between(1, 100_000);
        var checkpointSeconds = new Option<double>("--checkpoint-seconds") { Description = "Seconds between checkpoints of a running job.", DefaultValueFactory = _ => 60 }.Above(0, 86400);
        var previewSeconds = new Option<double>("--preview-seconds") { Description = "Seconds between previews of a running job.", DefaultValueFactory = _ => 60 }.Above(0, 86400);
        var slurm = new SlurmServeOptions();
        var command = new Command("serve", "Run the training service: HTTP job queue, live progress, crash-safe resume, atomic model publishing; jobs and sweeps train here or on a Slurm cluster (--executor slurm).");
        foreach (Option o in new Option[] { urls, data, models, state, token, jobs, maxQueued, checkpointSeconds, previewSeconds }) command.Options.Add(o);
        slurm.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var options = new ServiceOptions
            {
                Urls = parse.GetValue(urls) is { Length: > 0 } u ? [.. u.SelectMany(x => x.Split(';', StringSplitOptions.RemoveEmptyEntries))] : [ServiceOptions.DefaultUrl],
                DataRoot = parse.GetValue(data)!, ModelsRoot = parse.GetValue(models)!, StateRoot = parse.GetValue(state)!,
                Token = parse.GetValue(token) ?? Libc.GetEnv("GENWORLD_TOKEN"), MaxConcurrentJobs = parse.GetValue(jobs), MaxQueuedJobs = parse.GetValue(maxQueued),
                CheckpointInterval = TimeSpan.FromSeconds(parse.GetValue(checkpointSeconds)), PreviewInterval = TimeSpan.FromSeconds(parse.GetValue(previewSeconds)),
                Executor = slurm.Executor(parse), Slurm = slurm.Settings(parse),
            };
            try
            {
                await using WebApplication app = GenWorld.Studio.StudioExtension.Build(options); // the studio page rides along at /studio/
                await app.StartAsync(ct);
                AnsiConsole.MarkupLine($"genworld serve: listening on {Markup.Escape(string.Join(", ", app.Urls))}; data {Markup.Escape(Path.GetFullPath(options.DataRoot))}, models {Markup.Escape(Path.GetFullPath(options.ModelsRoot))}, state {Markup.Escape(Path.GetFullPath(options.StateRoot))}{(string.IsNullOrEmpty(options.Token) ? "" : "; token required")}. Ctrl+C stops (running jobs checkpoint and resume on the next start).");
                // Ctrl+C cancels ct: the host stops, and running jobs checkpoint before it returns.
                await app.WaitForShutdownAsync(ct);
                return 0;
            }
            catch (ServiceConfigurationException e)
            {
                return CliMessage.Fail($"serve: {e.Message}", 2);
            }
            catch (IOException e)
            {
                return CliMessage.Fail($"serve: {e.Message}", 1);
            }
        });
        return command;
    }
}

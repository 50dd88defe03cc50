using System.CommandLine;
using System.Text.Json;
using GenWorld.Core.Native;
using GenWorld.Service.Client;
using GenWorld.Service.Recipes;
using GenWorld.Training.Runs;
using Spectre.Console;

namespace GenWorld.Cli.Commands;

/// <summary>`genworld train &lt;kind&gt; --via URL`: submits the job to a running service and draws the same progress bar from its event stream.</summary>
internal static class RemoteTrain
{
    public static async Task<int> RunAsync(ParseResult parse, TrainOptions common, TrainViaOptions remote, string via, ITrainRecipe recipe, IReadOnlyDictionary<string, double> given, CancellationToken ct)
    {
        string verb = $"train {recipe.Kind} --via";
        var request = new Dictionary<string, object?>
        {
            ["kind"] = recipe.Kind, ["dataset"] = parse.GetValue(common.Dataset), ["name"] = parse.GetValue(remote.Name),
            ["hyperparameters"] = given, ["steps"] = parse.GetValue(common.Steps), ["minutes"] = parse.GetValue(common.Minutes),
            ["seed"] = parse.GetValue(common.Seed), ["baseModel"] = parse.GetValue(remote.BaseModel),
        };
        try
        {
            using var client = new ServiceClient(via, parse.GetValue(remote.Token) ?? Libc.GetEnv("GENWORLD_TOKEN"));
            JsonElement job = await client.SubmitAsync(request.Where(kv => kv.Value is not null).ToDictionary(), ct);
            string id = job.GetProperty("id").GetString()!;
            AnsiConsole.MarkupLine($"Submitted job [bold]{Markup.Escape(id)}[/] to {Markup.Escape(via)} (DELETE {Markup.Escape(via)}/jobs/{Markup.Escape(id)} cancels it).");
            JsonElement final = job;
            await SpectreTrainingProgress.CreateDisplay().StartAsync(async ctx =>
            {
                ProgressTask task = ctx.AddTask(Markup.Escape(recipe.Kind), maxValue: SpectreTrainingProgress.Scale);
                await foreach (ServiceEvent e in client.EventsAsync(id, ct))
                {
                    switch (e.Type)
                    {
                        case "progress":
                            SpectreTrainingProgress.Show(task, recipe.Kind, new TrainingProgressUpdate(
                                e.Data.GetProperty("step").GetInt64(), e.Data.GetProperty("fraction").GetDouble(),
                                e.Data.GetProperty("loss").ValueKind == JsonValueKind.Number ? e.Data.GetProperty("loss").GetDouble() : double.NaN,
                                e.Data.GetProperty("stepsPerSecond").GetDouble(),
                                e.Data.GetProperty("etaSeconds").ValueKind == JsonValueKind.Number ? TimeSpan.FromSeconds(e.Data.GetProperty("etaSeconds").GetDouble()) : TimeSpan.MaxValue));
                            break;
                        case "log":
                            AnsiConsole.MarkupLine(Markup.Escape(e.Data.GetProperty("message").GetString() ?? ""));
                            break;
                        case "preview":
                            AnsiConsole.MarkupLine($"Preview: {Markup.Escape(string.Join(", ", e.Data.GetProperty("files").EnumerateArray().Select(f => via.TrimEnd('/') + f.GetString())))}");
                            break;
                        case "state":
                            final = e.Data;
                            break;
                    }
                }
                if (final.GetProperty("state").GetString() == "succeeded") task.Value = SpectreTrainingProgress.Scale;
            });
            return Report(final, verb);
        }
        catch (Exception e) when (e is ServiceRequestException or HttpRequestException or JsonException or UriFormatException)
        {
            return CliMessage.Fail($"{verb}: {e.Message}", 1);
        }
    }

    private static int Report(JsonElement job, string verb)
    {
        string state = job.GetProperty("state").GetString() ?? "";
        if (state != "succeeded")
        {
            string error = job.TryGetProperty("error", out JsonElement err) && err.ValueKind == JsonValueKind.String ? err.GetString()! : "";
            return CliMessage.Fail($"{verb}: job {state} {error}", 1);
        }
        foreach (JsonProperty m in job.GetProperty("metrics").EnumerateObject())
            AnsiConsole.MarkupLine($"  {Markup.Escape(m.Name)}: {m.Value.GetDouble():G5}");
        AnsiConsole.MarkupLine($"Published [bold]{Markup.Escape(job.GetProperty("model").GetString() ?? "")}[/]");
        return 0;
    }
}

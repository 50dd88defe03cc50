using System.CommandLine;
using GenWorld.Core.Native;
using GenWorld.Service;
using GenWorld.Studio;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace GenWorld.Cli.Commands;

/// <summary>
/// <c>genworld studio</c>: the web page where sounds and textures are found, shaped, kept and exported, on the training
/// service's host (so the page's Train panel drives the same jobs as <c>genworld serve</c>). See src/GenWorld.Studio/README.md.
/// </summary>
internal static class StudioCommand
{
    public static Command Create()
    {
        var urls = new Option<string[]>("--urls") { Description = $"Addresses to listen on (default {StudioExtension.DefaultUrl}); beyond loopback a token is required.", AllowMultipleArgumentsPerToken = true };
        var models = new Option<string>("--models") { Description = "Models root: every sound and texture model in it is offered; jobs publish there.", DefaultValueFactory = _ => "models" };
        var data = new Option<string>("--data") { Description = "Data root for training jobs: datasets are named relative to it.", DefaultValueFactory = _ => "content" };
        var state = new Option<string>("--state") { Description = "Job queue and run folders.", DefaultValueFactory = _ => Path.Combine("runs", "service") };
        var token = new Option<string?>("--token") { Description = "Bearer token every API call must carry (default: GENWORLD_TOKEN); open the printed URL, which carries it after '#'." };
        var command = new Command("studio", "GenWorld Studio: a local web page to find, shape, keep and export sounds and textures (and run training jobs).") { urls, models, data, state, token };
        command.SetAction(async (parse, ct) =>
        {
            var options = new ServiceOptions
            {
                Urls = parse.GetValue(urls) is { Length: > 0 } u ? [.. u.SelectMany(x => x.Split(';', StringSplitOptions.RemoveEmptyEntries))] : [StudioExtension.DefaultUrl],
                ModelsRoot = parse.GetValue(models)!, DataRoot = parse.GetValue(data)!, StateRoot = parse.GetValue(state)!,
                Token = parse.GetValue(token) ?? Libc.GetEnv("GENWORLD_TOKEN"),
            };
            try
            {
                if (!Directory.Exists(options.ModelsRoot)) throw new ServiceConfigurationException([$"--models: {Path.GetFullPath(options.ModelsRoot)} does not exist."]);
                await using WebApplication app = StudioExtension.Build(options);
                await app.StartAsync(ct);
                string fragment = string.IsNullOrEmpty(options.Token) ? "" : "#token=<your token>";
                foreach (string url in app.Urls)
                    AnsiConsole.MarkupLine($"genworld studio: open {Markup.Escape(url.TrimEnd('/') + "/studio/" + fragment)}");
                AnsiConsole.MarkupLine($"models {Markup.Escape(Path.GetFullPath(options.ModelsRoot))}. Ctrl+C stops.");
                await app.WaitForShutdownAsync(ct);
                return 0;
            }
            catch (ServiceConfigurationException e)
            {
                AnsiConsole.MarkupLine($"[red]genworld studio cannot start: {Markup.Escape(string.Join(" ", e.Problems))}[/]");
                return 2;
            }
            catch (IOException e)
            {
                AnsiConsole.MarkupLine($"[red]genworld studio: {Markup.Escape(e.Message)}[/]");
                return 1;
            }
        });
        return command;
    }
}

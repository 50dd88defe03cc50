using System.CommandLine;
using GenWorld.Host.Headless;
using GenWorld.Host.Windowed;
using GenWorld.Inference;
using Spectre.Console;

namespace GenWorld.Cli.Commands;

/// <summary>
/// <c>genworld demo</c>: the README's main command, on the shipped models with no download. It checks the machine, then
/// opens the latent field in a window when there is a display, else renders a short headless flythrough and names its files.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Folder for the demo's outputs (PNG, WAV).",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(".build", "demo")),
        }.OutputFolder();
        var command = new Command("demo", "Run the GenWorld demo with no download: machine check, then the latent field in a window, or headless (PNG frames, WAV, MP4) without a display.")
        {
            output,
        };
        command.SetAction((parse, ct) => Task.FromResult(Run(parse.GetValue(output)!, ct)));
        return command;
    }

    private static int Run(DirectoryInfo output, CancellationToken cancel)
    {
        output.Create();
        AnsiConsole.MarkupLine("[bold]GenWorld demo[/]: checking this machine's generative, graphics and audio stack");
        foreach (var row in InfoCommand.CollectAll())
            AnsiConsole.MarkupLine($"  {(row.Ok ? "[green]ok[/]" : "[yellow]--[/]")} {Markup.Escape(row.Area)} / {Markup.Escape(row.Name)}: {Markup.Escape(row.Value)}");

        string model = Path.GetFullPath(Path.Combine("models", "notes-vae"));
        if (!Directory.Exists(model))
        {
            AnsiConsole.MarkupLine($"[red]the shipped model {Markup.Escape(model)} is missing[/]: run the demo from the repository root.");
            return 1;
        }
        if (ExploreCommand.HasDisplay())
        {
            AnsiConsole.MarkupLine("[bold]opening the field in a window[/] (WASD + drag to look, Enter re-triggers, Esc quits)");
            return ExploreCommand.Run(new ExploreSettings { Model = model, TextureModel = RenderCommand.TextureFolder(null) });
        }
        AnsiConsole.MarkupLine("no display: rendering a short headless flythrough of the field instead");
        try
        {
            var settings = new RenderSettings { Model = model, TextureModel = RenderCommand.TextureFolder(null), Seconds = 4, Fps = 24, OutDir = output.FullName, Width = 960, Height = 540 };
            HeadlessRender.Result r = HeadlessRender.Run(settings, OrtConsoleLog.To(line => AnsiConsole.MarkupLine($"  [grey]{Markup.Escape(line)}[/]")), cancel);
            RenderCommand.Print(r);
            AnsiConsole.MarkupLine($"open [blue]{Markup.Escape(r.Mp4 ?? Path.Combine(r.FramesDir, "frame-00000.png"))}[/] and listen to [blue]{Markup.Escape(r.Wav)}[/]");
            return 0;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            AnsiConsole.MarkupLine($"[red]the field render failed[/]: {Markup.Escape(e.Message)}");
            return 1;
        }
    }
}

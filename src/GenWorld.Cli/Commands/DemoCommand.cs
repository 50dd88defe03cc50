using System.CommandLine;
using GenWorld.Cli.Demo;
using Spectre.Console;

namespace GenWorld.Cli.Commands;

/// <summary>
/// <c>genworld demo</c>: the README's main command. Until the latent field lands it checks the machine and runs the
/// native stack end to end: a headless render of a labelled point cloud (PNG) and a spatial audio pass (WAV).
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Folder for the demo's outputs (PNG, WAV).",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(".build", "demo")),
        };
        var command = new Command("demo", "Run the GenWorld demo with no download: machine check, headless render (PNG), spatial audio pass (WAV).")
        {
            output,
        };
        command.SetAction(parse => Run(parse.GetValue(output)!));
        return command;
    }

    private static int Run(DirectoryInfo output)
    {
        output.Create();
        AnsiConsole.MarkupLine("[bold]GenWorld demo[/]: checking this machine's generative, graphics and audio stack");
        foreach (var row in InfoCommand.CollectAll())
            AnsiConsole.MarkupLine($"  {(row.Ok ? "[green]ok[/]" : "[yellow]--[/]")} {Markup.Escape(row.Area)} / {Markup.Escape(row.Name)}: {Markup.Escape(row.Value)}");

        int failures = 0;
        string png = Path.Combine(output.FullName, "field-snapshot.png");
        try
        {
            double ms = FieldSnapshot.Render(png);
            AnsiConsole.MarkupLine($"[green]rendered[/] 20,000 labelled points headless at 1280x720 in {ms:F1} ms -> [blue]{Markup.Escape(png)}[/]");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            failures++;
            AnsiConsole.MarkupLine($"[red]headless render failed[/]: {Markup.Escape(e.Message)}");
        }

        string wav = Path.Combine(output.FullName, "spatial-pass.wav");
        try
        {
            SpatialSweep.Result r = SpatialSweep.Render(wav);
            AnsiConsole.MarkupLine($"[green]rendered[/] a tone passing left to right (HRTF {(r.HrtfEnabled ? "on" : "off")}) -> [blue]{Markup.Escape(wav)}[/]");
            AnsiConsole.MarkupLine($"  first quarter L/R energy {r.StartLeft:F0}/{r.StartRight:F0}, last quarter {r.EndLeft:F0}/{r.EndRight:F0}");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            failures++;
            AnsiConsole.MarkupLine($"[red]spatial audio failed[/]: {Markup.Escape(e.Message)}");
        }
        return failures == 0 ? 0 : 1;
    }
}

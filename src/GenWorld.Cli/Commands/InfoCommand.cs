using System.CommandLine;
using System.Text.Json;
using GenWorld.Core.Diagnostics;
using Spectre.Console;

namespace GenWorld.Cli.Commands;

/// <summary><c>genworld info</c>: what this machine can do, checked for real (each row ran, not guessed).</summary>
internal static class InfoCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the results as JSON instead of a table." };
        var command = new Command("info",
            "Check the machine: OS, .NET, ONNX Runtime providers (CUDA tried, CPU fallback), TorchSharp (through the training tools), " +
            "headless OpenGL and windows, OpenAL devices, loopback and HRTF.")
        {
            json,
        };
        command.SetAction(parse =>
        {
            IReadOnlyList<ProbeResult> rows = CollectAll();
            if (parse.GetValue(json))
                Console.WriteLine(JsonSerializer.Serialize(rows, CliJson.Options));
            else
                WriteTable(rows);
            return 0;
        });
        return command;
    }

    /// <summary>Runs every probe; each one catches its own failures and reports them as rows.</summary>
    public static IReadOnlyList<ProbeResult> CollectAll()
    {
        var rows = new List<ProbeResult>();
        rows.AddRange(SystemProbe.Run());
        rows.AddRange(GenWorld.Inference.Diagnostics.OrtProbe.Run());
        rows.AddRange(ToolsProbe.Run());
        rows.AddRange(GenWorld.Rendering.Diagnostics.GlProbe.Run());
        rows.AddRange(GenWorld.Audio.Diagnostics.AlProbe.Run());
        return rows;
    }

    private static void WriteTable(IReadOnlyList<ProbeResult> rows)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Area", "Check", "Result", "");
        foreach (ProbeResult row in rows)
            table.AddRow(Markup.Escape(row.Area), Markup.Escape(row.Name), Markup.Escape(row.Value), row.Ok ? "[green]ok[/]" : "[red]no[/]");
        AnsiConsole.Write(table);
    }
}

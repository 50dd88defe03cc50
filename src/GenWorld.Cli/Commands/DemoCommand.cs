using System.CommandLine;

namespace GenWorld.Cli.Commands;

/// <summary><c>genworld demo</c>: the README's main command. For now: the machine check; later the field itself.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "Run the GenWorld demo with the shipped models (no download needed).");
        command.SetAction(_ =>
        {
            Console.WriteLine("GenWorld demo: checking this machine's generative, graphics and audio stack...");
            var rows = InfoCommand.CollectAll();
            foreach (var row in rows)
                Console.WriteLine($"  [{(row.Ok ? "ok" : "no")}] {row.Area} / {row.Name}: {row.Value}");
            return rows.All(r => r.Ok) ? 0 : 1;
        });
        return command;
    }
}

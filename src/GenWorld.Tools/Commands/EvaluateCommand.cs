using System.CommandLine;

namespace GenWorld.Cli.Commands;

/// <summary><c>genworld evaluate &lt;what&gt;</c>: quality figures of exported models, measured through the runtime.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var command = new Command("evaluate", "Measure exported models through ONNX Runtime (quality figures into the model folder).");
        command.Subcommands.Add(EvaluateSoundCommand.Create());
        command.Subcommands.Add(EvaluateTextureCommand.Create());
        return command;
    }
}

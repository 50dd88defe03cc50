using System.CommandLine;

namespace GenWorld.Cli.Commands;

/// <summary><c>genworld train &lt;model&gt;</c>: one subcommand per model family, each in its own Train*Command file.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var command = new Command("train", "Train a generative model on a dataset (checkpoints, resume, previews, report.json).");
        command.Subcommands.Add(TrainSoundVaeCommand.Create());
        command.Subcommands.Add(TrainTextureGanCommand.Create());
        command.Subcommands.Add(TrainPriorCommand.Create());
        command.Subcommands.Add(TrainSoundGanCommand.Create());
        command.Subcommands.Add(TrainSpecCommand.Create());
        return command;
    }
}

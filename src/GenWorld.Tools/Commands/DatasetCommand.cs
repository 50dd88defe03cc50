using System.CommandLine;

namespace GenWorld.Cli.Commands;

/// <summary><c>genworld dataset build|info</c>: make training datasets from Debian packages and inspect them.</summary>
internal static class DatasetCommand
{
    public static Command Create()
    {
        var command = new Command("dataset", "Build training datasets (notes, sfx, textures) from free-licensed Debian packages, and inspect them.");
        command.Subcommands.Add(DatasetBuildCommand.Create());
        command.Subcommands.Add(DatasetInfoCommand.Create());
        return command;
    }
}

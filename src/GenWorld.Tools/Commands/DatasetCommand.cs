using System.CommandLine;

namespace GenWorld.Cli.Commands;

/// <summary><c>genworld dataset build|import|info</c>: make training datasets from Debian packages or your own folder, and inspect them.</summary>
internal static class DatasetCommand
{
    public static Command Create()
    {
        var command = new Command("dataset", "Build training datasets (notes, sfx, textures) from free-licensed Debian packages, import a folder of your own sounds, and inspect them.");
        command.Subcommands.Add(DatasetBuildCommand.Create());
        command.Subcommands.Add(DatasetInfoCommand.Create());
        command.Subcommands.Add(DatasetImportCommand.Create());
        return command;
    }
}

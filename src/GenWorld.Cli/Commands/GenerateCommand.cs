using System.CommandLine;

namespace GenWorld.Cli.Commands;

/// <summary><c>genworld generate</c>: content from shipped or exported models, reproducible by seed.</summary>
internal static class GenerateCommand
{
    public static Command Create() => new("generate", "Generate content from a model folder (PNG/WAV plus a JSON recipe).")
    {
        GenerateTextureCommand.Create(),
        GenerateSoundCommand.Create(),
        GenerateVariationsCommand.Create(),
    };
}

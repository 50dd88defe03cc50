using System.CommandLine;

namespace GenWorld.Cli.Commands;

/// <summary>
/// The verbs that are not in the player: the training tools (<c>genworld-tools</c>, which carries TorchSharp and libtorch)
/// and the launcher's own <c>test</c> and <c>bench</c>. They are listed here so that <c>genworld --help</c> names every
/// verb; the <c>./genworld</c> launcher sends them to the right executable before the player ever sees them.
/// </summary>
internal static class ToolVerbs
{
    public static IEnumerable<Command> All() =>
    [
        Stub("train", "Train a generative model on a dataset (training tools)."),
        Stub("serve", "Run the training service: HTTP jobs, resume, publishing (training tools)."),
        Stub("studio", "GenWorld Studio: a local web page to find, shape, keep and export sounds and textures (training tools)."),
        Stub("export", "Export a trained checkpoint to ONNX with its manifest.json (training tools)."),
        Stub("dataset", "Build, import (your own sound folder) and inspect training datasets (training tools)."),
        Stub("evaluate", "Measure exported models against real data (training tools)."),
        Stub("test", "Build and run the whole test suite (launcher)."),
        Stub("bench", "Benchmarks with in-run baselines: a table and .build/bench/bench.json (launcher)."),
    ];

    /// <summary>A verb that only says where it lives when the player is run directly, not through ./genworld.</summary>
    public static Command Stub(string name, string description)
    {
        var command = new Command(name, description) { TreatUnmatchedTokensAsErrors = false };
        command.SetAction(_ =>
        {
            Console.Error.WriteLine($"{name}: not part of the player. Run it as `./genworld {name} ...` from the repository: " +
                                    "the launcher builds and runs the training tools (genworld-tools), which installations ship without.");
            return 2;
        });
        return command;
    }
}

using System.CommandLine;
using GenWorld.Cli;
using GenWorld.Cli.Commands;

// `genworld <verb>`, the player: every verb lives in its own file under Commands/. It references no TorchSharp; the
// training verbs are in src/GenWorld.Tools (genworld-tools) and the ./genworld launcher dispatches to it by verb.
var root = new RootCommand(
    "GenWorld: generative models made playable. Train small models on real sounds and textures, " +
    "export them to ONNX, and walk their latent space as a 3D field with spatial audio.")
{
    InfoCommand.Create(),
    DemoCommand.Create(),
    ExploreCommand.Create(),
    RenderCommand.Create(),
    RunCommand.Create(),
    SoakCommand.Create(),
    OscCommand.Create(),
    GenerateCommand.Create(),
    ComposeCommand.Create(),
    EncodeCommand.Create(),
    FieldCommand.Create(),
};
foreach (Command verb in ToolVerbs.All()) root.Subcommands.Add(verb);
OscCommand.InstallHelp(root);
return await CliStartup.RunAsync(root, args);

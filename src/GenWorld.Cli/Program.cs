using System.CommandLine;
using GenWorld.Cli.Commands;

// `genworld <verb>`: every verb lives in its own file under Commands/.
var root = new RootCommand(
    "GenWorld: generative models made playable. Train small models on real sounds and textures, " +
    "export them to ONNX, and walk their latent space as a 3D field with spatial audio.")
{
    InfoCommand.Create(),
    DemoCommand.Create(),
    TrainCommand.Create(),
    ServeCommand.Create(),
    ExportCommand.Create(),
    DatasetCommand.Create(),
    FieldCommand.Create(),
    RenderCommand.Create(),
    ExploreCommand.Create(),
    GenerateCommand.Create(),
    ComposeCommand.Create(),
    EvaluateCommand.Create(),
};
return await root.Parse(args).InvokeAsync();

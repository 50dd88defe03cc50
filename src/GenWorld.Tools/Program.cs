using System.CommandLine;
using System.Text.Json;
using GenWorld.Cli;
using GenWorld.Cli.Commands;
using GenWorld.Training.Diagnostics;

// `genworld-tools <verb>`: the training verbs. The files under Commands/ keep the CLI's namespace (GenWorld.Cli.Commands):
// they are the same verbs, moved out of the player so that it ships without TorchSharp; ./genworld dispatches by verb.
var json = new Option<bool>("--json") { Description = "Print the rows as JSON." };
var probe = new Command("probe", "Check TorchSharp and libtorch (the rows `genworld info` shows for the training stack).") { json };
probe.SetAction(parse =>
{
    var rows = TorchProbe.Run();
    if (parse.GetValue(json)) Console.WriteLine(JsonSerializer.Serialize(rows, CliJson.Options));
    else foreach (var row in rows) Console.WriteLine($"{(row.Ok ? "ok" : "no")}  {row.Area} / {row.Name}: {row.Value}");
    return rows.All(r => r.Ok) ? 0 : 1;
});
var root = new RootCommand("GenWorld training tools: datasets, training (TorchSharp), ONNX export, evaluation and the training service.")
{
    TrainCommand.Create(),
    ServeCommand.Create(),
    StudioCommand.Create(),
    ExportCommand.Create(),
    DatasetCommand.Create(),
    EvaluateCommand.Create(),
    new Command("field", "Build the navigable latent field's anchors from a dataset or a folder of your own sounds, a sound VAE's sampling prior, and the prior's timbre table.") { FieldEncodeCommand.Create(), FieldMapCommand.Create(), FieldTimbresCommand.Create(), FieldPriorCommand.Create() },
    probe,
};
return await CliStartup.RunAsync(root, args);

using System.CommandLine;
using GenWorld.Service.Recipes;

namespace GenWorld.Cli.Commands;

/// <summary><c>genworld train sound-vae</c>: the sound VAE over 16 kHz one-second clips (log-magnitude + IF).</summary>
internal static class TrainSoundVaeCommand
{
    public static Command Create()
    {
        var recipe = new SoundVaeRecipe();
        var common = new TrainOptions();
        var remote = new TrainViaOptions();
        var latent = new Option<int>("--latent") { Description = "Latent size.", DefaultValueFactory = _ => 16 };
        var channels = new Option<int>("--channels") { Description = "Base conv channels.", DefaultValueFactory = _ => 16 };
        var batch = new Option<int>("--batch") { Description = "Clips per step.", DefaultValueFactory = _ => 16 };
        var lr = new Option<double>("--lr") { Description = "Adam learning rate.", DefaultValueFactory = _ => 1e-3 };
        var noPitch = new Option<bool>("--no-pitch") { Description = "Do not condition on the pitch label." };
        var command = new Command("sound-vae", "Train the sound VAE.");
        common.AddTo(command);
        remote.AddTo(command);
        foreach (Option o in new Option[] { latent, channels, batch, lr, noPitch }) command.Options.Add(o);
        command.SetAction((parse, ct) => TrainExecution.RunAsync(parse, common, remote, recipe, new Dictionary<string, double>
        {
            ["latentSize"] = parse.GetValue(latent), ["channels"] = parse.GetValue(channels), ["batchSize"] = parse.GetValue(batch),
            ["learningRate"] = parse.GetValue(lr), ["conditionOnPitch"] = parse.GetValue(noPitch) ? 0 : 1,
        }, ct));
        return command;
    }
}

using System.CommandLine;
using GenWorld.Service.Recipes;

namespace GenWorld.Cli.Commands;

/// <summary>
/// <c>genworld train sound-vae</c>: by default the full-band VAE (48 kHz clips, harmonic-plus-noise synthesis decoder);
/// <c>--decoder spectrogram</c> trains the earlier VAE over 16 kHz one-second clips (log-magnitude + IF).
/// </summary>
internal static class TrainSoundVaeCommand
{
    public static Command Create()
    {
        var synthRecipe = new SynthVaeRecipe();
        var spectrogramRecipe = new SoundVaeRecipe();
        var common = new TrainOptions();
        var remote = new TrainViaOptions();
        var decoder = new Option<string>("--decoder") { Description = "synth: 48 kHz harmonic-plus-noise synthesis decoder (default); spectrogram: the 16 kHz log-magnitude + IF decoder.", DefaultValueFactory = _ => "synth" }.OneOf("synth", "spectrogram");
        var latent = new Option<int>("--latent") { Description = "Latent size.", DefaultValueFactory = _ => 16 }.Between(1, 1024);
        var channels = new Option<int?>("--channels") { Description = "Network width (default 128 for synth, 16 for spectrogram)." }.Between(1, 4096);
        var batch = new Option<int?>("--batch") { Description = "Clips per step (default 8 for synth, 16 for spectrogram)." }.Between(1, 4096);
        var lr = new Option<double>("--lr") { Description = "Adam learning rate.", DefaultValueFactory = _ => 1e-3 }.Above(0, 1);
        var noPitch = new Option<bool>("--no-pitch") { Description = "Spectrogram decoder: do not condition on the pitch label." };
        var harmonics = new Option<int>("--harmonics") { Description = "Synth: partials of the oscillator bank (0 for unpitched sounds such as sound effects).", DefaultValueFactory = _ => 96 }.Between(0, 512);
        var noiseBands = new Option<int>("--noise-bands") { Description = "Synth: mel-spaced filtered-noise bands.", DefaultValueFactory = _ => 64 }.Between(1, 256);
        var clipSeconds = new Option<double>("--clip-seconds") { Description = "Synth: clip length in seconds (notes up to 4, sound effects up to 2).", DefaultValueFactory = _ => 2.048 }.Above(0, 60);
        var beta = new Option<double>("--beta") { Description = "Synth: KL weight per nat.", DefaultValueFactory = _ => 3e-3 }.Between(0, 1000);
        var adversarialAfter = new Option<int>("--adversarial-after") { Description = "Synth: step from which the adversarial stage (critic + feature matching, encoder frozen) runs; 0: never.", DefaultValueFactory = _ => 0 }.Between(0, int.MaxValue);
        var augment = new Option<double>("--augment") { Description = "Synth: share of each batch replaced by new takes (unpitched: 1-2 semitones faster or slower; all: 0-20 ms late). Off by default: it did not help a fine-tune on a 314-clip library (README).", DefaultValueFactory = _ => 0 }.Between(0, 1);
        var command = new Command("sound-vae", "Train the sound VAE (full band at 48 kHz by default).");
        common.AddTo(command);
        remote.AddTo(command);
        foreach (Option o in new Option[] { decoder, latent, channels, batch, lr, noPitch, harmonics, noiseBands, clipSeconds, beta, adversarialAfter, augment }) command.Options.Add(o);
        command.SetAction((parse, ct) =>
        {
            string kind = parse.GetValue(decoder)!;
            if (kind == "spectrogram")
                return TrainExecution.RunAsync(parse, common, remote, spectrogramRecipe, new Dictionary<string, double>
                {
                    ["latentSize"] = parse.GetValue(latent), ["channels"] = parse.GetValue(channels) ?? 16, ["batchSize"] = parse.GetValue(batch) ?? 16,
                    ["learningRate"] = parse.GetValue(lr), ["conditionOnPitch"] = parse.GetValue(noPitch) ? 0 : 1,
                }, ct);
            return TrainExecution.RunAsync(parse, common, remote, synthRecipe, new Dictionary<string, double>
            {
                ["latentSize"] = parse.GetValue(latent), ["channels"] = parse.GetValue(channels) ?? 128, ["batchSize"] = parse.GetValue(batch) ?? 8,
                ["learningRate"] = parse.GetValue(lr), ["harmonics"] = parse.GetValue(harmonics), ["noiseBands"] = parse.GetValue(noiseBands),
                ["clipSeconds"] = parse.GetValue(clipSeconds), ["beta"] = parse.GetValue(beta), ["adversarialAfter"] = parse.GetValue(adversarialAfter),
                ["augment"] = parse.GetValue(augment),
            }, ct);
        });
        return command;
    }
}

using System.CommandLine;
using GenWorld.Core.Dsp;
using GenWorld.Training.Data;
using GenWorld.Training.Runs;
using GenWorld.Training.SoundGan;
using Spectre.Console;

namespace GenWorld.Cli.Commands;

/// <summary>
/// <c>genworld train sound-gan</c>: the conditional sound GAN over 16 kHz one-second clips (log-magnitude + IF),
/// conditioned on the pitch label and on a class label (the instrument family by default); a harmonic-plus-noise
/// generator for pitched data, a free-form spectrogram generator otherwise.
/// </summary>
internal static class TrainSoundGanCommand
{
    public static Command Create()
    {
        var common = new TrainOptions();
        var d = new SoundGanConfig();
        var generator = new Option<SoundGeneratorKind>("--generator")
        {
            Description = "Generator architecture: harmonic (learned partial + noise envelopes rendered at the requested pitch), spectrogram (free-form transposed convolutions, GANSynth-like), or auto (harmonic when every clip has a pitch).",
            DefaultValueFactory = _ => d.Generator,
        };
        var harmonics = new Option<int>("--harmonics") { Description = "Harmonics the harmonic generator controls.", DefaultValueFactory = _ => d.Harmonics }.Between(1, 512);
        var latent = new Option<int>("--latent") { Description = "Noise values before the condition.", DefaultValueFactory = _ => d.LatentSize }.Between(1, 1024);
        var label = new Option<string>("--label") { Description = "Dataset label to condition on besides pitch (empty: none).", DefaultValueFactory = _ => d.LabelKey };
        var gChannels = new Option<int>("--g-channels") { Description = "Generator width: harmonic, channels at the three coarser time scales (C, C, C/2, C/2); spectrogram, channels at the smallest map (halved five times).", DefaultValueFactory = _ => d.GeneratorChannels }.Between(32, 8192);
        var dChannels = new Option<int>("--d-channels") { Description = "Discriminator channels of the first layer (doubled five times).", DefaultValueFactory = _ => d.DiscriminatorChannels }.Between(1, 8192);
        var batch = new Option<int>("--batch") { Description = "Clips per step.", DefaultValueFactory = _ => d.BatchSize }.Between(2, 4096);
        var lr = new Option<double>("--lr") { Description = "Adam learning rate (both networks).", DefaultValueFactory = _ => d.LearningRate }.Above(0, 1);
        var r1 = new Option<double>("--r1-gamma") { Description = "R1 penalty weight on real clips.", DefaultValueFactory = _ => d.R1Gamma }.Between(0, 1e6);
        var pitchWeight = new Option<double>("--pitch-weight") { Description = "Weight of the auxiliary pitch-classification loss.", DefaultValueFactory = _ => d.PitchLossWeight }.Between(0, 1e6);
        var ema = new Option<double>("--ema") { Description = "EMA decay of the exported generator.", DefaultValueFactory = _ => d.EmaDecay }.Between(0, 0.999999);
        var fromVae = new Option<string?>("--from-vae")
        {
            Description = "Full-band GAN: a full-band sound-VAE run (or checkpoint) whose 48 kHz synthesis decoder the generator starts from; the minimax game then refines it (conditioned on pitch and family).",
        };
        var command = new Command("sound-gan", "Train the conditional sound GAN (pitch + family conditioned). With --from-vae: the full-band GAN on a 48 kHz dataset.");
        common.AddTo(command);
        foreach (Option o in new Option[] { generator, harmonics, latent, label, gChannels, dChannels, batch, lr, r1, pitchWeight, ema, fromVae }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            if (parse.GetValue(fromVae) is { } vae) return TrainSynthGan.Run(parse, common, vae, parse.GetValue(latent), parse.GetValue(batch), parse.GetValue(lr));
            TrainingRunOptions run = common.ToRunOptions(parse, "sound-gan");
            var settings = d with
            {
                Generator = parse.GetValue(generator), Harmonics = parse.GetValue(harmonics),
                LatentSize = parse.GetValue(latent), GeneratorChannels = parse.GetValue(gChannels), DiscriminatorChannels = parse.GetValue(dChannels),
                BatchSize = parse.GetValue(batch), LearningRate = parse.GetValue(lr), R1Gamma = parse.GetValue(r1),
                PitchLossWeight = parse.GetValue(pitchWeight), EmaDecay = parse.GetValue(ema),
            };
            // Options are checked before minutes of clip loading, not after.
            var problems = run.Validate().Concat(settings.Validate()).ToList();
            if (problems.Count > 0)
            {
                return CliMessage.Fail($"train sound-gan: {string.Join(" ", problems)}", 2);
            }
            try
            {
                IClipSource source = TrainDatasetClipSource.Open(parse.GetValue(common.Dataset)!);
                AnsiConsole.MarkupLine($"Loading clips from [bold]{Markup.Escape(source.Description)}[/]...");
                var representation = SpectralRepresentation.Default;
                var loaded = source.Load();
                if (ClipPreparer.CroppedNote(loaded, representation.ClipLength, representation.SampleRate) is { } cropped) AnsiConsole.MarkupLine(Markup.Escape(cropped));
                var clips = ClipPreparer.Prepare(loaded, representation);
                SoundGanConfig config = SoundGan.ConfigFor(clips, representation, settings, parse.GetValue(label) ?? "");
                AnsiConsole.MarkupLine($"{clips.Count} clips; pitch {config.PitchMin}..{config.PitchMin + config.PitchClasses - 1}, {config.LabelNames.Count} {Markup.Escape(config.LabelKey)} labels; {config.Generator.ToString().ToLowerInvariant()} generator");
                var result = TrainingRun.Execute(run, _ => new SoundGan(config, representation, clips, source.Version, source.Licence), new SpectreTrainingProgress());
                foreach ((string name, double value) in result.Report.Metrics)
                    AnsiConsole.MarkupLine($"  {Markup.Escape(name)}: {value:G5}");
                AnsiConsole.MarkupLine($"Report: {Markup.Escape(Path.Combine(run.OutDir, "report.json"))}; checkpoint: {Markup.Escape(result.Report.Checkpoint)}");
                return 0;
            }
            catch (Exception e) when (e is TrainingException or InvalidDataException or IOException or ArgumentException or Content.Datasets.DatasetException)
            {
                return CliMessage.Fail($"train sound-gan: {e.Message}", 1);
            }
        });
        return command;
    }
}

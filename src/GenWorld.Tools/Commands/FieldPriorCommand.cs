using System.CommandLine;
using System.Diagnostics;
using GenWorld.Core.Audio;
using GenWorld.Core.Numerics;
using GenWorld.Inference;
using GenWorld.Inference.Generation;
using GenWorld.Inference.Models;
using GenWorld.Training.Data;

namespace GenWorld.Cli.Commands;

/// <summary>
/// <c>genworld field prior</c>: fits a sound VAE's <see cref="LatentPrior"/> (latent-prior.json) to its encoder's means
/// over the training clips it was trained on (the held-out clips, every 10th as the trainers and `evaluate sound` hold
/// out, are never read), so random samples come from where the decoder learned to sound like the data.
/// </summary>
internal static class FieldPriorCommand
{
    public static Command Create()
    {
        var model = new Option<DirectoryInfo>("--model") { Description = "Sound VAE folder; latent-prior.json is written into it.", Required = true }.ExistingFolder();
        var dataset = new Option<string>("--dataset") { Description = "The dataset the model was trained on (only its training split is read).", Required = true };
        var clips = new Option<int>("--clips") { Description = "At most this many training clips are encoded (seeded choice).", DefaultValueFactory = _ => 3000 }.Between(64, 1_000_000);
        var components = new Option<int>("--components") { Description = "Gaussians of the mixture.", DefaultValueFactory = _ => 32 }.Between(1, 1024);
        var seed = new Option<int>("--seed") { Description = "Seed of the clip choice and of EM's start.", DefaultValueFactory = _ => 1 };
        var command = new Command("prior", "Fit the distribution random samples come from (latent-prior.json) to the VAE's codes of its training clips.") { model, dataset, clips, components, seed };
        command.SetAction(parse =>
        {
            string dir = parse.GetValue(model)!.FullName;
            try
            {
                using ModelFolder folder = ModelFolder.Open(dir, new OrtSessionFactory(OrtConsoleLog.Line), new OrtSessionSettings(DevicePreference.Cpu, IntraOpThreads: 1));
                if (folder.Manifest.Kind != Core.Models.ModelKind.SoundVae)
                    return CliMessage.Fail($"field prior: --model {dir} is a {folder.Manifest.Kind}; only a sound VAE has an encoder to fit a prior to.", 2);
                var encoder = new SoundEncoder(folder);
                var source = TrainDatasetClipSource.Open(parse.GetValue(dataset)!);
                // The same clip list the trainers and `evaluate sound` index, so "held out" means the same clips.
                var all = source.Load().Where(c => Content.Datasets.BandwidthLabels.IsFullBand(c.Labels)).ToList();
                int[] train = [.. Enumerable.Range(0, all.Count).Where(i => !HeldOutSplit.IsHeldOut(i, all.Count))];
                new Random(parse.GetValue(seed)).Shuffle(train);
                train = train[..Math.Min(train.Length, parse.GetValue(clips))];
                var clock = Stopwatch.StartNew();
                var codes = new List<float[]>(train.Length);
                foreach (int i in train)
                {
                    codes.Add(encoder.Encode(new AudioClip(all[i].Samples, 1, all[i].SampleRate)));
                    if (codes.Count % 500 == 0) Console.Error.WriteLine($"encoded {codes.Count}/{train.Length} ({clock.Elapsed.TotalSeconds:F0} s)");
                }
                LatentPrior prior = GaussianMixtureFit.Fit(codes, parse.GetValue(components), parse.GetValue(seed));
                // A pitch-conditioned VAE's codes carry the timbre but not the pitch: knowing which registers each
                // component held lets a draw for a given pitch come from the timbres that were played there.
                if (folder.Manifest.Conditioning?.PitchMin is not null)
                {
                    int?[] pitches = [.. train.Select(i => all[i].MidiPitch)];
                    if (pitches.All(p => p is not null)) prior = prior.WithPitches(codes, [.. pitches.Select(p => p!.Value)]);
                    else Console.Error.WriteLine("field prior: some training clips have no 'pitch' label; the prior is fitted without pitches.");
                }
                string path = Path.Combine(dir, LatentPrior.FileName);
                prior.Save(path);
                Console.WriteLine($"wrote {path}: {prior.Components.Count} Gaussians over {codes.Count} training clips' codes{(prior.KnowsPitch ? ", each with the pitches it held" : "")} ({clock.Elapsed.TotalSeconds:F0} s)");
                return 0;
            }
            catch (Content.Datasets.DatasetException e) { return CliMessage.Fail($"field prior: --dataset: {e.Message}", 2); }
            catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException or InvalidModelFolderException or InvalidModelException)
            {
                return CliMessage.Fail($"field prior: {e.Message}", 1);
            }
        });
        return command;
    }
}

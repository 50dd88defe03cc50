using GenWorld.Core.Dsp;
using GenWorld.Core.Models;
using GenWorld.Training.Data;
using GenWorld.Training.Models;
using GenWorld.Training.Runs;

namespace GenWorld.Service.Recipes;

/// <summary>The sound VAE over 16 kHz one-second clips (log-magnitude + IF), on a built audio dataset or a WAV folder.</summary>
public sealed class SoundVaeRecipe : ITrainRecipe
{
    /// <inheritdoc />
    public string Kind => "sound-vae";

    /// <inheritdoc />
    public string Description => "Sound VAE (encoder + pitch-conditioned decoder) on one-second 16 kHz clips.";

    /// <inheritdoc />
    public IReadOnlyList<HyperParameter> Parameters { get; } =
    [
        new("latentSize", 16, 1, 256, true, "Latent size."),
        new("channels", 16, 1, 256, true, "Base conv channels."),
        new("batchSize", 16, 1, 1024, true, "Clips per step."),
        new("learningRate", 1e-3, 1e-7, 1, false, "Adam learning rate."),
        new("conditionOnPitch", 1, 0, 1, true, "1: condition the decoder on the pitch label (when every clip has one)."),
        new("betaWarmupSteps", 1000, 0, 10_000_000, true, "KL warm-up length in steps."),
    ];

    /// <inheritdoc />
    public IReadOnlyList<string> Validate(IReadOnlyDictionary<string, double> values) =>
        [.. Options(values).Validate().Select(e => "hyperparameters." + e)];

    /// <inheritdoc />
    public PreparedTraining Prepare(string datasetDir, IReadOnlyDictionary<string, double> values, ITrainingProgress progress)
    {
        IClipSource source = DatasetClipSource.Open(datasetDir);
        progress.Log($"Loading clips from {source.Description}...");
        var representation = SpectralRepresentation.Default;
        var loaded = source.Load();
        if (ClipPreparer.CroppedNote(loaded, representation.ClipLength, representation.SampleRate) is { } cropped) progress.Log(cropped);
        var clips = ClipPreparer.Prepare(loaded, representation);
        var config = SoundVaeTrainer.ConfigFor(representation, clips, (int)values["latentSize"], (int)values["channels"], values["conditionOnPitch"] != 0);
        SoundVaeTrainingOptions options = Options(values);
        return new PreparedTraining($"{clips.Count} clips, {config}",
            _ => new SoundVaeTrainer(config, options, representation, clips, source.Version, source.Licence));
    }

    /// <inheritdoc />
    public ModelManifest Export(string checkpointDir, string outDir, string name) => SoundVaeExport.Export(checkpointDir, outDir, name);

    private static SoundVaeTrainingOptions Options(IReadOnlyDictionary<string, double> v) => new()
    {
        BatchSize = (int)v["batchSize"], LearningRate = v["learningRate"], BetaWarmupSteps = (int)v["betaWarmupSteps"],
    };
}

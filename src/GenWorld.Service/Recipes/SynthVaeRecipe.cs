using GenWorld.Content.Datasets;
using GenWorld.Core.Models;
using GenWorld.Training.Data;
using GenWorld.Training.Runs;
using GenWorld.Training.Synth;

namespace GenWorld.Service.Recipes;

/// <summary>The full-band (48 kHz) sound VAE with the harmonic-plus-noise synthesis decoder, on a 48 kHz audio dataset or WAV folder.</summary>
public sealed class SynthVaeRecipe : ITrainRecipe
{
    /// <inheritdoc />
    public string Kind => "synth-vae";

    /// <inheritdoc />
    public string Description => "Full-band sound VAE: 48 kHz clips, encoder + harmonic-plus-noise synthesis decoder, spectral then adversarial training.";

    /// <inheritdoc />
    public IReadOnlyList<HyperParameter> Parameters { get; } =
    [
        new("latentSize", 16, 1, 256, true, "Latent size."),
        new("channels", 128, 8, 1024, true, "Width of the control network (even)."),
        new("harmonics", 96, 0, 512, true, "Partials of the oscillator bank (0: unpitched sounds: noise and body only)."),
        new("noiseBands", 64, 1, 512, true, "Mel-spaced bands of the filtered noise."),
        new("clipSeconds", 2.048, 0.1, 8, false, "Clip length in seconds (rounded to whole control frames of 8 ms, a multiple of 8 frames)."),
        new("batchSize", 8, 1, 256, true, "Clips per step."),
        new("learningRate", 1e-3, 1e-7, 0.5, false, "Adam learning rate."),
        new("beta", 3e-3, 0, 10, false, "KL weight (per nat) against the spectral loss."),
        new("betaWarmupSteps", 2000, 0, 10_000_000, true, "KL warm-up length in steps."),
        new("adversarialAfter", 0, 0, 10_000_000, true, "Step from which the adversarial stage runs (0: never)."),
        new("augment", 0, 0, 1, false, "Share of each batch's clips replaced by a new take (a semitone or two faster or slower for unpitched models, 0-20 ms late). Off by default: on the wordwarvi library (314 clips) a fine-tune's best held-out loss was 1.540 with 0.5 against 1.504 without."),
    ];

    /// <inheritdoc />
    public IReadOnlyList<string> Validate(IReadOnlyDictionary<string, double> values) =>
        [.. Options(values).Validate().Concat(Synth(values).Validate()).Select(e => "hyperparameters." + e)];

    /// <inheritdoc />
    public PreparedTraining Prepare(string datasetDir, IReadOnlyDictionary<string, double> values, ITrainingProgress progress)
    {
        IClipSource source = DatasetClipSource.Open(datasetDir);
        progress.Log($"Loading clips from {source.Description}...");
        SynthConfig synth = Synth(values);
        IReadOnlyList<ClipItem> all = source.Load();
        // A clip from a source below 44.1 kHz is empty above its Nyquist: a full-band model must not learn that as the sound.
        var fullBand = all.Where(c => BandwidthLabels.IsFullBand(c.Labels)).ToList();
        if (fullBand.Count < all.Count) progress.Log($"Left out {all.Count - fullBand.Count} band-limited clips (source below {BandwidthLabels.FullBandSourceRate} Hz).");
        if (ClipPreparer.CroppedNote(fullBand, synth.ClipLength, synth.SampleRate) is { } cropped) progress.Log(cropped);
        IReadOnlyList<SynthClip> clips = SynthClip.Prepare(fullBand, synth);
        SynthVaeTrainingOptions options = Options(values);
        if (options.Augment > 0)
            progress.Log($"Augmenting {options.Augment:P0} of each batch with new takes ({(synth.Harmonics > 0 ? "0-20 ms later" : "1-2 semitones faster or slower, 0-20 ms later")}).");
        int latent = (int)values["latentSize"];
        return new PreparedTraining($"{clips.Count} clips of {synth.ClipLength / (double)synth.SampleRate:0.###} s at {synth.SampleRate} Hz",
            _ => new SynthVaeTrainer(synth, latent, options, clips, source.Version, source.Licence));
    }

    /// <inheritdoc />
    public ModelManifest Export(string checkpointDir, string outDir, string name) => SynthVaeExport.Export(checkpointDir, outDir, name);

    private static SynthConfig Synth(IReadOnlyDictionary<string, double> v)
    {
        var c = new SynthConfig { Harmonics = (int)v["harmonics"], NoiseBands = (int)v["noiseBands"], Channels = (int)v["channels"] };
        int frames = Math.Max(8, (int)Math.Round(v["clipSeconds"] * c.SampleRate / c.Hop / 8) * 8);
        return c with { Frames = frames };
    }

    private static SynthVaeTrainingOptions Options(IReadOnlyDictionary<string, double> v) => new()
    {
        BatchSize = (int)v["batchSize"], LearningRate = v["learningRate"], Beta = v["beta"],
        BetaWarmupSteps = (int)v["betaWarmupSteps"], AdversarialAfter = (int)v["adversarialAfter"],
        Augment = v.GetValueOrDefault("augment", 0),
    };
}

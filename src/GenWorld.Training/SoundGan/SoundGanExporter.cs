using System.Globalization;
using GenWorld.Core.Dsp;
using GenWorld.Core.Models;
using GenWorld.Training.Export;
using GenWorld.Training.Runs;

namespace GenWorld.Training.SoundGan;

/// <summary>
/// Writes a sound-GAN checkpoint's EMA generator as generator.onnx plus manifest.json (kind sound-gan). The ONNX
/// contract: one input "latent" [N, L + P + F] = [z ~ N(0, I) of L | pitch one-hot over [pitchMin, pitchMax] | label
/// one-hot in conditioning.labelNames order], one output "representation" [N, 2, frames, bins] (log-magnitude + IF,
/// named by audioRepresentation and inverted with one iSTFT). manifest.latentSize is L, the noise part only.
/// </summary>
public static class SoundGanExporter
{
    /// <summary>File name of the generator graph.</summary>
    public const string GeneratorFile = "generator.onnx";

    /// <summary>The export spec for <paramref name="config"/>.</summary>
    public static OnnxExportSpec Spec(SoundGanConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return OnnxExportSpec.Single(
            OnnxValueSpec.Float("latent", OnnxDim.Batch, config.GeneratorInputSize),
            OnnxValueSpec.Float("representation", OnnxDim.Batch, 2, config.Frames, config.Bins)) with { GraphName = "sound_generator" };
    }

    /// <summary>The manifest's conditioning block: what the one-hots after the latent mean.</summary>
    public static ModelConditioning? Conditioning(SoundGanConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.ConditionSize == 0) return null;
        string what = (config.PitchClasses > 0, config.LabelNames.Count > 0) switch
        {
            (true, true) => $"MIDI pitch one-hot over [pitchMin, pitchMax], then a one-hot of the '{config.LabelKey}' label in labelNames order, concatenated after the latent",
            (true, false) => "MIDI pitch one-hot over [pitchMin, pitchMax], concatenated after the latent",
            _ => $"one-hot of the '{config.LabelKey}' label in labelNames order, concatenated after the latent",
        };
        return new ModelConditioning(what,
            config.PitchClasses > 0 ? config.PitchMin : null,
            config.PitchClasses > 0 ? config.PitchMin + config.PitchClasses - 1 : null,
            config.LabelNames.Count > 0 ? config.LabelNames : null);
    }

    /// <summary>
    /// Loads a sound-gan checkpoint (checked: ours, intact, this kind), exports its EMA generator into
    /// <paramref name="outDir"/> with the dataset version, licence and report.json metrics in the manifest, and a
    /// samples/ folder (spectrogram sheet and a few WAVs). The manifest is checked before anything is written.
    /// </summary>
    public static ModelManifest FromCheckpoint(string checkpointDir, string outDir, string? name = null)
    {
        CheckpointState state = CheckpointStore.Inspect(checkpointDir, SoundGan.KindName);
        SoundGanConfig config;
        try { config = SoundGanConfig.FromDictionary(state.Config); }
        catch (InvalidDataException e) { throw new TrainingException($"{checkpointDir}: {e.Message}", e); }
        using var modules = new SoundGanModules(config);
        try { modules.load(Path.Combine(checkpointDir, "model.pt")); }
        catch (Exception e) { throw new TrainingException($"{checkpointDir}: model.pt does not fit a sound GAN of this config: {e.Message}", e); }
        name ??= Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(outDir)));
        int rate = int.Parse(state.Config.GetValueOrDefault("sampleRate", "16000"), CultureInfo.InvariantCulture);
        int clipLength = int.Parse(state.Config.GetValueOrDefault("clipLength", (config.Frames * 128).ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        string representationName = state.Config.GetValueOrDefault("representation", "");
        OnnxExportSpec spec = Spec(config);
        var manifest = new ModelManifest
        {
            Name = name,
            Kind = ModelKind.SoundGan,
            LatentSize = config.LatentSize,
            Conditioning = Conditioning(config),
            SampleRate = rate,
            AudioRepresentation = representationName,
            Parts = [OnnxManifestParts.From(spec, "generator", GeneratorFile)],
            DatasetVersion = state.Config.GetValueOrDefault("dataset", "") is { Length: > 0 } v ? v : "unknown",
            DataLicense = state.Config.GetValueOrDefault("licence", "") is { Length: > 0 } l ? l : "unknown",
            Metrics = RunReportMetrics.Read(checkpointDir, state.Step),
        };
        if (manifest.Validate() is { Count: > 0 } errors)
            throw new TrainingException($"{checkpointDir}: the manifest would be invalid: {string.Join(" ", errors)}");
        SpectralRepresentation representation = RepresentationOf(representationName, clipLength, rate);
        Directory.CreateDirectory(outDir);
        modules.Ema.eval();
        OnnxExporter.Save(modules.Ema, spec, Path.Combine(outDir, GeneratorFile));
        SoundGanSamples.Write(modules.Ema, representation, Path.Combine(outDir, "samples"));
        manifest.Save(Path.Combine(outDir, ModelManifest.FileName));
        return manifest;
    }

    private static SpectralRepresentation RepresentationOf(string name, int clipLength, int rate)
    {
        string[] bits = name.Split('-');
        if (bits.Length == 4 && bits[0] == "logmag" && bits[1] == "if"
            && int.TryParse(bits[2], CultureInfo.InvariantCulture, out int fft) && int.TryParse(bits[3], CultureInfo.InvariantCulture, out int hop))
            return new SpectralRepresentation(clipLength, fft, hop, rate);
        throw new TrainingException($"representation '{name}' is not logmag-if-FFT-HOP.");
    }
}

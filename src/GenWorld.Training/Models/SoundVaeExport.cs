using System.Globalization;
using GenWorld.Core.Models;
using GenWorld.Training.Export;
using GenWorld.Training.Runs;

namespace GenWorld.Training.Models;

/// <summary>Turns a sound-VAE checkpoint into a model folder: encoder.onnx, decoder.onnx and manifest.json.</summary>
public static class SoundVaeExport
{
    /// <summary>ONNX spec of the encoder: representation [N, 2, F, B] → stats [N, 2L] (μ then logσ²).</summary>
    public static OnnxExportSpec EncoderSpec(SoundVaeConfig c) => OnnxExportSpec.Single(
        OnnxValueSpec.Float("representation", OnnxDim.Batch, 2, c.Frames, c.Bins),
        OnnxValueSpec.Float("stats", OnnxDim.Batch, 2 * c.LatentSize));

    /// <summary>ONNX spec of the decoder: [z | pitch one-hot] [N, L + P] → representation [N, 2, F, B].</summary>
    public static OnnxExportSpec DecoderSpec(SoundVaeConfig c) => OnnxExportSpec.Single(
        OnnxValueSpec.Float("latent", OnnxDim.Batch, c.DecoderInputSize),
        OnnxValueSpec.Float("representation", OnnxDim.Batch, 2, c.Frames, c.Bins));

    /// <summary>
    /// Loads the checkpoint (checked: ours, intact, a sound VAE), exports both parts and writes the manifest with the
    /// metrics of report.json when the run folder has one. Every file is written atomically.
    /// </summary>
    public static ModelManifest Export(string checkpointDir, string outDir, string? name = null)
    {
        CheckpointState state = CheckpointStore.Inspect(checkpointDir, "sound-vae");
        SoundVaeConfig config = SoundVaeConfig.FromConfig(state.Config);
        using var model = new SoundVae(config);
        try { model.load(Path.Combine(checkpointDir, "model.pt")); }
        catch (Exception e) { throw new TrainingException($"{checkpointDir}: model.pt does not fit a sound VAE of {config}: {e.Message}", e); }
        name ??= Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(outDir)));
        Directory.CreateDirectory(outDir);
        OnnxExporter.Save(model.Encoder, EncoderSpec(config), Path.Combine(outDir, "encoder.onnx"));
        OnnxExporter.Save(model.Decoder, DecoderSpec(config), Path.Combine(outDir, "decoder.onnx"));
        var manifest = new ModelManifest
        {
            Name = name,
            Kind = ModelKind.SoundVae,
            LatentSize = config.LatentSize,
            Conditioning = config.PitchClasses > 0
                ? new ModelConditioning("MIDI pitch as a one-hot over [pitchMin, pitchMax], concatenated after the latent", config.PitchMin, config.PitchMin + config.PitchClasses - 1)
                : null,
            SampleRate = int.Parse(state.Config.GetValueOrDefault("sampleRate", "16000"), CultureInfo.InvariantCulture),
            AudioRepresentation = state.Config.GetValueOrDefault("representation", ""),
            Parts = [OnnxManifestParts.From(EncoderSpec(config), "encoder", "encoder.onnx"), OnnxManifestParts.From(DecoderSpec(config), "decoder", "decoder.onnx")],
            DatasetVersion = state.Config.GetValueOrDefault("dataset", "") is { Length: > 0 } v ? v : "unknown",
            DataLicense = state.Config.GetValueOrDefault("licence", "") is { Length: > 0 } l ? l : "unknown",
            Metrics = RunReportMetrics.Read(checkpointDir, state.Step),
        };
        manifest.Save(Path.Combine(outDir, ModelManifest.FileName));
        return manifest;
    }
}

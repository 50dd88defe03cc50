using System.Globalization;
using GenWorld.Core.Models;
using GenWorld.Core.Synthesis;
using GenWorld.Training.Export;
using GenWorld.Training.Runs;

namespace GenWorld.Training.Synth;

/// <summary>
/// Full-band GAN checkpoints: building the trainer from a VAE run, and exporting generator.onnx ([z | pitch one-hot |
/// family one-hot] → controls) with synth.json and manifest.json (kind sound-gan, representation harmonic-noise-synth).
/// </summary>
public static class SynthGanExport
{
    /// <summary>ONNX spec of the generator.</summary>
    public static OnnxExportSpec GeneratorSpec(SynthGanGenerator g) => OnnxExportSpec.Single(
        OnnxValueSpec.Float("input", OnnxDim.Batch, g.InputSize),
        OnnxValueSpec.Float("controls", OnnxDim.Batch, g.Decoder.Synth.ControlsPerFrame, g.Decoder.Synth.Frames));

    /// <summary>The decoder of a full-band VAE run (its latest checkpoint) or checkpoint folder, detached from the VAE.</summary>
    public static SynthDecoder DecoderOfVae(string runOrCheckpoint)
    {
        string dir = File.Exists(Path.Combine(runOrCheckpoint, "checkpoint.json"))
            ? runOrCheckpoint
            : new CheckpointStore(runOrCheckpoint).LatestDirectory() ?? throw new TrainingException($"{runOrCheckpoint} is neither a checkpoint nor a run folder with checkpoints.");
        CheckpointState state = CheckpointStore.Inspect(dir, "synth-vae");
        SynthVaeExport.Load(dir, state.Config, out SynthVaeModules modules);
        SynthConfig synth = SynthConfig.FromConfig(state.Config);
        var decoder = new SynthDecoder(synth, modules.Vae.LatentSize, Int(state.Config, "pitchMin"), Int(state.Config, "pitchClasses"), 0);
        decoder.load_state_dict(modules.Vae.Decoder.state_dict());
        modules.Dispose();
        return decoder;
    }

    /// <summary>Exports a full-band GAN checkpoint into <paramref name="outDir"/>.</summary>
    public static ModelManifest Export(string checkpointDir, string outDir, string? name = null)
    {
        CheckpointState state = CheckpointStore.Inspect(checkpointDir, "synth-gan");
        IReadOnlyDictionary<string, string> c = state.Config;
        string[] labels = c.GetValueOrDefault("labels", "") is { Length: > 0 } l ? l.Split(',') : [];
        var decoder = new SynthDecoder(SynthConfig.FromConfig(c), Int(c, "latentSize"), Int(c, "pitchMin"), Int(c, "pitchClasses"), 0);
        using var modules = new SynthGanModules(new SynthGanGenerator(decoder, Int(c, "noiseSize"), labels.Length),
            new SpectralFrameDiscriminator(64, decoder.PitchClasses + labels.Length));
        try { modules.load(Path.Combine(checkpointDir, "model.pt")); }
        catch (Exception e) when (e is not OutOfMemoryException) { throw new TrainingException($"{checkpointDir}: model.pt does not fit a full-band GAN: {e.Message}", e); }
        name ??= Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(outDir)));
        Directory.CreateDirectory(outDir);
        OnnxExporter.Save(modules.Generator, GeneratorSpec(modules.Generator), Path.Combine(outDir, "generator.onnx"));
        SynthVaeExport.SynthParameters(decoder).Save(Path.Combine(outDir, SynthFile.FileName));
        var manifest = new ModelManifest
        {
            Name = name,
            Kind = ModelKind.SoundGan,
            LatentSize = modules.Generator.NoiseSize,
            Conditioning = new ModelConditioning("[noise | MIDI pitch one-hot over [pitchMin, pitchMax] | family one-hot over labelNames]",
                decoder.PitchMin, decoder.PitchMin + decoder.PitchClasses - 1, labels),
            SampleRate = decoder.Synth.SampleRate,
            AudioRepresentation = SynthFile.Representation,
            Parts = [OnnxManifestParts.From(GeneratorSpec(modules.Generator), "generator", "generator.onnx")],
            DatasetVersion = c.GetValueOrDefault("dataset", "") is { Length: > 0 } v ? v : "unknown",
            DataLicense = c.GetValueOrDefault("licence", "") is { Length: > 0 } li ? li : "unknown",
            Metrics = RunReportMetrics.Read(checkpointDir, state.Step),
        };
        manifest.Save(Path.Combine(outDir, ModelManifest.FileName));
        return manifest;
    }

    private static int Int(IReadOnlyDictionary<string, string> c, string key) =>
        c.TryGetValue(key, out string? v) && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out int i)
            ? i : throw new TrainingException($"full-band checkpoint: config '{key}' is missing or not an integer.");
}

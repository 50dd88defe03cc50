using System.Globalization;
using GenWorld.Core.Dsp;
using GenWorld.Core.Models;
using GenWorld.Core.Synthesis;
using GenWorld.Training.Export;
using GenWorld.Training.Runs;
using TorchSharp;

namespace GenWorld.Training.Synth;

/// <summary>
/// Turns a full-band VAE checkpoint into a model folder: encoder.onnx (encoder spectrogram → [μ | logσ²]),
/// decoder.onnx ([z | pitch one-hot] → frame controls), synth.json (the synthesiser's shape and learned impulse
/// response, read by the C# runtime) and manifest.json (kind sound-vae, representation harmonic-noise-synth, 48 kHz).
/// </summary>
public static class SynthVaeExport
{
    /// <summary>ONNX spec of the encoder.</summary>
    public static OnnxExportSpec EncoderSpec(SynthConfig c, int latentSize) => OnnxExportSpec.Single(
        OnnxValueSpec.Float("spectrogram", OnnxDim.Batch, 1, EncoderSpectrogram.Bands, c.Frames),
        OnnxValueSpec.Float("stats", OnnxDim.Batch, 2 * latentSize));

    /// <summary>ONNX spec of the control decoder.</summary>
    public static OnnxExportSpec DecoderSpec(SynthDecoder d) => OnnxExportSpec.Single(
        OnnxValueSpec.Float("latent", OnnxDim.Batch, d.InputSize),
        OnnxValueSpec.Float("controls", OnnxDim.Batch, d.Synth.ControlsPerFrame, d.Synth.Frames));

    /// <summary>Loads the checkpoint (checked: ours, intact, a full-band VAE) and writes the model folder atomically file by file.</summary>
    public static ModelManifest Export(string checkpointDir, string outDir, string? name = null)
    {
        CheckpointState state = CheckpointStore.Inspect(checkpointDir, "synth-vae");
        SynthVae vae = Load(checkpointDir, state.Config, out SynthVaeModules modules);
        using (modules)
        {
            name ??= Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(outDir)));
            Directory.CreateDirectory(outDir);
            OnnxExporter.Save(vae.Encoder, EncoderSpec(vae.Decoder.Synth, vae.LatentSize), Path.Combine(outDir, "encoder.onnx"));
            OnnxExporter.Save(vae.Decoder, DecoderSpec(vae.Decoder), Path.Combine(outDir, "decoder.onnx"));
            SynthParameters(vae.Decoder).Save(Path.Combine(outDir, SynthFile.FileName));
            var manifest = new ModelManifest
            {
                Name = name,
                Kind = ModelKind.SoundVae,
                LatentSize = vae.LatentSize,
                Conditioning = vae.Decoder.PitchClasses > 0
                    ? new ModelConditioning("MIDI pitch as a one-hot over [pitchMin, pitchMax], concatenated after the latent", vae.Decoder.PitchMin, vae.Decoder.PitchMin + vae.Decoder.PitchClasses - 1)
                    : null,
                SampleRate = vae.Decoder.Synth.SampleRate,
                AudioRepresentation = SynthFile.Representation,
                Parts = [OnnxManifestParts.From(EncoderSpec(vae.Decoder.Synth, vae.LatentSize), "encoder", "encoder.onnx"),
                         OnnxManifestParts.From(DecoderSpec(vae.Decoder), "decoder", "decoder.onnx")],
                DatasetVersion = state.Config.GetValueOrDefault("dataset", "") is { Length: > 0 } v ? v : "unknown",
                DataLicense = state.Config.GetValueOrDefault("licence", "") is { Length: > 0 } l ? l : "unknown",
                Metrics = RunReportMetrics.Read(checkpointDir, state.Step),
            };
            manifest.Save(Path.Combine(outDir, ModelManifest.FileName));
            return manifest;
        }
    }

    /// <summary>The VAE of a checkpoint (its modules container returned for disposal).</summary>
    public static SynthVae Load(string checkpointDir, IReadOnlyDictionary<string, string> config, out SynthVaeModules modules)
    {
        ArgumentNullException.ThrowIfNull(config);
        SynthConfig synth = SynthConfig.FromConfig(config);
        int latent = Int(config, "latentSize"), pitchMin = Int(config, "pitchMin"), pitchClasses = Int(config, "pitchClasses");
        modules = new SynthVaeModules(new SynthVae(synth, latent, pitchMin, pitchClasses), new SpectralFrameDiscriminator());
        try { modules.load(Path.Combine(checkpointDir, "model.pt")); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            modules.Dispose();
            throw new TrainingException($"{checkpointDir}: model.pt does not fit a full-band VAE of {synth}: {e.Message}", e);
        }
        return modules.Vae;
    }

    /// <summary>What the C# synthesiser needs from a decoder: its shape and learned impulse response.</summary>
    public static SynthFile SynthParameters(SynthDecoder decoder)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        SynthConfig c = decoder.Synth;
        float[] impulse;
        using (torch.no_grad())
        using (torch.Tensor effective = decoder.Renderer.EffectiveImpulse())
            impulse = effective.contiguous().data<float>().ToArray();
        return new SynthFile(c.SampleRate, c.Hop, c.Frames, c.Harmonics, c.NoiseBands, c.NoiseFftSize, impulse) { InputPeak = c.InputPeak };
    }

    private static int Int(IReadOnlyDictionary<string, string> c, string key) =>
        c.TryGetValue(key, out string? v) && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out int i)
            ? i : throw new TrainingException($"synth-vae checkpoint: config '{key}' is missing or not an integer.");
}

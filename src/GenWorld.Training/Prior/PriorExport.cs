using System.Text.Json;
using GenWorld.Core.IO;
using GenWorld.Core.Models;
using GenWorld.Core.Sequences;
using GenWorld.Training.Export;
using GenWorld.Training.Runs;

namespace GenWorld.Training.Prior;

/// <summary>
/// Turns a prior checkpoint (Transformer or GRU baseline) into a model folder: prior.onnx (tokens [N, T] int64 → logits [N, T, V]), manifest.json
/// (kind transformer-prior or gru-prior, metrics from report.json) and prior.json (the token vocabulary and context the runtime needs).
/// </summary>
public static class PriorExport
{
    /// <summary>Name of the sidecar describing the vocabulary.</summary>
    public const string SidecarFile = "prior.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The ONNX signature; T is dynamic up to the context.</summary>
    public static OnnxExportSpec Spec(PriorConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return OnnxExportSpec.Single(
            OnnxValueSpec.Int64("tokens", OnnxDim.Batch, "T"),
            OnnxValueSpec.Float("logits", OnnxDim.Batch, "T", config.Vocabulary));
    }

    /// <summary>Loads the checkpoint (checked: ours, intact, a prior), exports it and writes the manifest and sidecar atomically.</summary>
    public static ModelManifest Export(string checkpointDir, string outDir, string? name = null)
    {
        CheckpointState state = CheckpointStore.Inspect(checkpointDir);
        if (state.Kind != PriorModels.KindOf(PriorArchitecture.Transformer) && state.Kind != PriorModels.KindOf(PriorArchitecture.Gru))
            throw new TrainingException($"{checkpointDir}: a {state.Kind} checkpoint, not a prior.");
        PriorConfig config = PriorConfig.FromConfig(state.Config);
        using var model = PriorModels.Create(config);
        try { model.load(Path.Combine(checkpointDir, "model.pt")); }
        catch (Exception e) { throw new TrainingException($"{checkpointDir}: model.pt does not fit a prior of {config}: {e.Message}", e); }
        name ??= Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(outDir)));
        Directory.CreateDirectory(outDir);
        OnnxExporter.Save(model, Spec(config), Path.Combine(outDir, "prior.onnx"));
        WriteSidecar(config, Path.Combine(outDir, SidecarFile));
        var manifest = new ModelManifest
        {
            Name = name,
            Kind = config.Architecture == PriorArchitecture.Gru ? ModelKind.GruPrior : ModelKind.TransformerPrior,
            // The prior itself is over tokens; each note event carries a notes-vae timbre latent of this size.
            LatentSize = 16,
            Parts = [OnnxManifestParts.From(Spec(config), "prior", "prior.onnx")],
            DatasetVersion = state.Config.GetValueOrDefault("dataset", "") is { Length: > 0 } v ? v : "unknown",
            DataLicense = state.Config.GetValueOrDefault("licence", "") is { Length: > 0 } l ? l : "unknown",
            Metrics = RunReportMetrics.Read(checkpointDir, state.Step),
        };
        manifest.Save(Path.Combine(outDir, ModelManifest.FileName));
        return manifest;
    }

    /// <summary>prior.json: vocabulary name and layout, context, grid, and the model shape.</summary>
    public static void WriteSidecar(PriorConfig config, string path)
    {
        ArgumentNullException.ThrowIfNull(config);
        var sidecar = new Dictionary<string, object>
        {
            ["vocabulary"] = "note-events-v1",
            ["vocabularySize"] = NoteVocabulary.Size,
            ["context"] = config.Context,
            ["stepSeconds"] = NoteVocabulary.StepSeconds,
            ["pitchMin"] = NoteVocabulary.PitchMin,
            ["pitchMax"] = NoteVocabulary.PitchMax,
            ["architecture"] = config.ToConfig(),
        };
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(sidecar, Json));
    }
}

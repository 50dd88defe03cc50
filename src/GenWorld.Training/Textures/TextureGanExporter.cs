using GenWorld.Core.Models;
using GenWorld.Training.Export;
using GenWorld.Training.Runs;

namespace GenWorld.Training.Textures;

/// <summary>
/// Writes a texture generator as generator.onnx plus manifest.json. The graph's latent grid has dynamic N, h and w
/// (circular padding is Slice + Concat and upsampling is Resize by scale, both size-agnostic), so one file makes
/// 64×64 tiles from a 4×4 grid and 256×256 tiles from a 16×16 grid.
/// </summary>
public static class TextureGanExporter
{
    /// <summary>File name of the generator graph.</summary>
    public const string GeneratorFile = "generator.onnx";

    /// <summary>The export spec: latent [N, Z, h, w] → image [N, 3, H, W] with H = 16h, W = 16w.</summary>
    public static OnnxExportSpec Spec(int latentChannels) => OnnxExportSpec.Single(
        OnnxValueSpec.Float("latent", OnnxDim.Batch, latentChannels, "h", "w"),
        OnnxValueSpec.Float("image", OnnxDim.Batch, 3, "H", "W")) with { GraphName = "texture_generator" };

    /// <summary>Exports <paramref name="generator"/> (the EMA one) into <paramref name="dir"/>; returns the manifest written.</summary>
    public static ModelManifest Export(TextureGenerator generator, string dir, ModelManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentException.ThrowIfNullOrWhiteSpace(dir);
        ArgumentNullException.ThrowIfNull(manifest);
        OnnxExportSpec spec = Spec(generator.LatentChannels);
        var full = manifest with
        {
            Kind = ModelKind.TextureGan,
            LatentSize = generator.LatentChannels,
            Parts = [OnnxManifestParts.From(spec, "generator", GeneratorFile)],
        };
        // Check the manifest first, so a bad one leaves no half-written model folder behind.
        IReadOnlyList<string> errors = full.Validate();
        if (errors.Count > 0) throw new ArgumentException("Invalid texture GAN manifest: " + string.Join(" ", errors), nameof(manifest));
        Directory.CreateDirectory(dir);
        generator.eval();
        OnnxExporter.Save(generator, spec, Path.Combine(dir, GeneratorFile));
        full.Save(Path.Combine(dir, ModelManifest.FileName));
        return full;
    }

    /// <summary>
    /// Loads a texture-gan checkpoint (checked: ours, intact, this kind), exports its EMA generator into
    /// <paramref name="outDir"/> with the dataset version, licence and report.json metrics in the manifest.
    /// </summary>
    public static ModelManifest FromCheckpoint(string checkpointDir, string outDir, string? name = null)
    {
        CheckpointState state = CheckpointStore.Inspect(checkpointDir, TextureGan.KindName);
        TextureGanConfig config = TextureGanConfig.FromDictionary(state.Config);
        using var modules = new TextureGanModules(config);
        try { modules.load(Path.Combine(checkpointDir, "model.pt")); }
        catch (Exception e) { throw new TrainingException($"{checkpointDir}: model.pt does not fit a texture GAN of {config}: {e.Message}", e); }
        name ??= Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(outDir)));
        return Export(modules.Ema, outDir, new ModelManifest
        {
            Name = name,
            DatasetVersion = state.Config.GetValueOrDefault("dataset", "") is { Length: > 0 } v ? v : "unknown",
            DataLicense = state.Config.GetValueOrDefault("licence", "") is { Length: > 0 } l ? l : "unknown",
            Metrics = RunReportMetrics.Read(checkpointDir, state.Step),
        });
    }
}

using GenWorld.Content.Datasets;
using GenWorld.Core.Models;
using GenWorld.Training.Runs;
using GenWorld.Training.Textures;

namespace GenWorld.Service.Recipes;

/// <summary>
/// The tileable texture GAN on a built textures dataset (dataset.json + tiles/) or a plain folder of PNG tiles. After the
/// run it restores the last checkpoint and writes contact-sheet.png (64 generated tiles beside 64 real ones) into the run folder.
/// </summary>
/// <param name="warmStart">
/// A texture model folder whose generator.onnx starts the generator of a fresh run (<see cref="TextureGeneratorWarmStart"/>),
/// or null. For models exported before model folders carried checkpoint/; --base-model is the way for those that do.
/// </param>
public sealed class TextureGanRecipe(string? warmStart = null) : ITrainRecipe
{
    private static readonly TextureGanConfig Defaults = new();

    /// <inheritdoc />
    public string Kind => TextureGan.KindName;

    /// <inheritdoc />
    public string Description => "Tileable texture GAN (circular padding: every tile wraps; any latent grid size).";

    /// <inheritdoc />
    public IReadOnlyList<HyperParameter> Parameters { get; } =
    [
        new("tileSize", Defaults.TileSize, 16, 512, true, "Training tile side in pixels (multiple of 16)."),
        new("latentChannels", Defaults.LatentChannels, 1, 512, true, "Latent channels per 16×16-pixel grid cell."),
        new("globalChannels", Defaults.GlobalChannels, 0, 512, true, "Leading latent channels averaged into a tile-wide code (0 = none; at most latentChannels)."),
        new("upsampleBlur", Defaults.UpsampleBlur ? 1 : 0, 0, 1, true, "1 = fixed circular binomial blur after each ×2 upsampling (hides the 16-px latent-cell grid); 0 = none."),
        new("styleChannels", Defaults.StyleChannels, 0, 1024, true, "Style vector mapped from the global code that modulates every generator block (0 = none; needs globalChannels > 0)."),
        new("modeSeeking", Defaults.ModeSeeking, 0, 100, false, "Weight of the mode-seeking term that keeps tiles of different latents apart (0 = off)."),
        new("discriminatorWarmup", Defaults.DiscriminatorWarmup, 0, 1_000_000, true, "Steps at the start that train only the discriminator (for a warm-started generator)."),
        new("generatorChannels", Defaults.GeneratorChannels, 16, 2048, true, "Generator channels after the stem (halved four times; multiple of 16)."),
        new("discriminatorChannels", Defaults.DiscriminatorChannels, 1, 512, true, "Discriminator channels of the first layer."),
        new("batchSize", Defaults.BatchSize, 2, 1024, true, "Tiles per step."),
        new("learningRate", Defaults.LearningRate, 1e-7, 0.5, false, "Adam learning rate (both networks)."),
        new("r1Gamma", Defaults.R1Gamma, 0, 1000, false, "R1 penalty weight on real tiles."),
        new("r1Every", Defaults.R1Every, 1, 1000, true, "Apply R1 every this many steps."),
        new("emaDecay", Defaults.EmaDecay, 0, 0.99999, false, "EMA decay of the exported generator."),
    ];

    /// <inheritdoc />
    public IReadOnlyList<string> Validate(IReadOnlyDictionary<string, double> values) =>
        [.. Config(values).Validate().Select(e => "hyperparameters." + e)];

    /// <inheritdoc />
    public PreparedTraining Prepare(string datasetDir, IReadOnlyDictionary<string, double> values, ITrainingProgress progress)
    {
        TextureGanConfig config = Config(values);
        (TileFolder tiles, string version, string licence) = OpenTiles(datasetDir, config.TileSize);
        return new PreparedTraining($"{tiles.Count} images from {tiles.Root} (dataset {version}, {licence})",
            _ =>
            {
                var gan = new TextureGan(config, tiles, version, licence);
                if (warmStart is null) return gan;
                try
                {
                    progress.Log($"Warm start: {TextureGeneratorWarmStart.LoadInto(gan.Networks, warmStart)} generator tensors from {warmStart} (discriminator fresh).");
                    return gan;
                }
                catch
                {
                    gan.Dispose();
                    throw;
                }
            },
            (result, run) =>
            {
                using var restored = new TextureGan(config, tiles, version, licence);
                CheckpointStore.Load(result.Report.Checkpoint, restored);
                restored.WriteContactSheet(Path.Combine(run.OutDir, "contact-sheet.png"));
            },
            tiles);
    }

    /// <inheritdoc />
    public ModelManifest Export(string checkpointDir, string outDir, string name) => TextureGanExporter.FromCheckpoint(checkpointDir, outDir, name);

    private static TextureGanConfig Config(IReadOnlyDictionary<string, double> v) => new()
    {
        TileSize = (int)v["tileSize"], LatentChannels = (int)v["latentChannels"],
        GlobalChannels = (int)v["globalChannels"], UpsampleBlur = !v.TryGetValue("upsampleBlur", out double blur) || blur != 0,
        StyleChannels = v.TryGetValue("styleChannels", out double style) ? (int)style : Defaults.StyleChannels,
        ModeSeeking = v.TryGetValue("modeSeeking", out double seeking) ? seeking : Defaults.ModeSeeking,
        DiscriminatorWarmup = v.TryGetValue("discriminatorWarmup", out double warmup) ? (int)warmup : Defaults.DiscriminatorWarmup, GeneratorChannels = (int)v["generatorChannels"],
        DiscriminatorChannels = (int)v["discriminatorChannels"], BatchSize = (int)v["batchSize"], LearningRate = v["learningRate"],
        R1Gamma = v["r1Gamma"], R1Every = (int)v["r1Every"], EmaDecay = v["emaDecay"],
    };

    /// <summary>A built textures dataset (checked by Dataset.Open) when the folder has dataset.json, else a plain PNG folder.</summary>
    private static (TileFolder Tiles, string Version, string Licence) OpenTiles(string dir, int tileSize)
    {
        if (!File.Exists(Path.Combine(dir, DatasetInfo.FileName)))
            return (TileFolder.Load(dir, tileSize), "png-folder", "unknown");
        Dataset dataset = Dataset.Open(dir);
        var images = dataset.Items.Where(i => i.Width is not null).ToList();
        if (images.Count == 0) throw new InvalidDataException($"{dir}: the dataset has no image items (kind {dataset.Info.Kind}); the texture GAN needs a textures dataset.");
        string licence = string.Join(" AND ", images.Select(i => i.Licence).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        return (TileFolder.LoadFiles(dir, [.. images.Select(dataset.PathOf)], tileSize), dataset.Info.Version, licence.Length > 0 ? licence : "unknown");
    }
}

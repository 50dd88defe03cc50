using System.CommandLine;
using GenWorld.Content.Datasets;
using GenWorld.Training.Runs;
using GenWorld.Training.Textures;
using Spectre.Console;

namespace GenWorld.Cli.Commands;

/// <summary>
/// <c>genworld train texture-gan</c>: the tileable texture GAN on a built textures dataset (dataset.json + tiles/) or
/// a plain folder of PNG tiles. At the end it restores the last checkpoint and writes contact-sheet.png (64 generated
/// tiles beside 64 real ones) into the run folder; <c>genworld export</c> turns the checkpoint into ONNX.
/// </summary>
internal static class TrainTextureGanCommand
{
    public static Command Create()
    {
        var common = new TrainOptions();
        var defaults = new TextureGanConfig();
        var tile = new Option<int>("--tile-size") { Description = "Training tile side in pixels (multiple of 16).", DefaultValueFactory = _ => defaults.TileSize };
        var latent = new Option<int>("--latent") { Description = "Latent channels per 16×16-pixel grid cell.", DefaultValueFactory = _ => defaults.LatentChannels };
        var gChannels = new Option<int>("--g-channels") { Description = "Generator channels after the stem (halved four times).", DefaultValueFactory = _ => defaults.GeneratorChannels };
        var dChannels = new Option<int>("--d-channels") { Description = "Discriminator channels of the first layer.", DefaultValueFactory = _ => defaults.DiscriminatorChannels };
        var batch = new Option<int>("--batch") { Description = "Tiles per step.", DefaultValueFactory = _ => defaults.BatchSize };
        var lr = new Option<double>("--lr") { Description = "Adam learning rate (both networks).", DefaultValueFactory = _ => defaults.LearningRate };
        var r1 = new Option<double>("--r1-gamma") { Description = "R1 penalty weight on real tiles.", DefaultValueFactory = _ => defaults.R1Gamma };
        var ema = new Option<double>("--ema") { Description = "EMA decay of the exported generator.", DefaultValueFactory = _ => defaults.EmaDecay };
        var command = new Command("texture-gan", "Train the tileable texture GAN (circular padding: every tile wraps; any latent grid size).");
        common.AddTo(command);
        foreach (Option o in new Option[] { tile, latent, gChannels, dChannels, batch, lr, r1, ema }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            TrainingRunOptions run = common.ToRunOptions(parse, "texture-gan");
            var config = new TextureGanConfig
            {
                TileSize = parse.GetValue(tile), LatentChannels = parse.GetValue(latent), GeneratorChannels = parse.GetValue(gChannels),
                DiscriminatorChannels = parse.GetValue(dChannels), BatchSize = parse.GetValue(batch), LearningRate = parse.GetValue(lr),
                R1Gamma = parse.GetValue(r1), EmaDecay = parse.GetValue(ema),
            };
            try
            {
                if (config.Validate() is { Count: > 0 } errors) throw new ArgumentException(string.Join(" ", errors));
                (TileFolder tiles, string version, string licence) = OpenTiles(parse.GetValue(common.Dataset)!, config.TileSize);
                using (tiles)
                {
                    AnsiConsole.MarkupLine($"{tiles.Count} images from [bold]{Markup.Escape(tiles.Root)}[/] (dataset {Markup.Escape(version)}, {Markup.Escape(licence)})");
                    var result = TrainingRun.Execute(run, _ => new TextureGan(config, tiles, version, licence), new SpectreTrainingProgress());
                    using var restored = new TextureGan(config, tiles, version, licence);
                    CheckpointStore.Load(result.Report.Checkpoint, restored);
                    restored.WriteContactSheet(Path.Combine(run.OutDir, "contact-sheet.png"));
                    foreach ((string name, double value) in result.Report.Metrics)
                        AnsiConsole.MarkupLine($"  {Markup.Escape(name)}: {value:G5}");
                    AnsiConsole.MarkupLine($"Report: {Markup.Escape(Path.Combine(run.OutDir, "report.json"))}; contact sheet: {Markup.Escape(Path.Combine(run.OutDir, "contact-sheet.png"))}; checkpoint: {Markup.Escape(result.Report.Checkpoint)}");
                }
                return 0;
            }
            catch (Exception e) when (e is TrainingException or InvalidDataException or IOException or ArgumentException or DatasetException)
            {
                AnsiConsole.MarkupLine($"[red]train texture-gan: {Markup.Escape(e.Message)}[/]");
                return 1;
            }
        });
        return command;
    }

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

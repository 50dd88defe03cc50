using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GenWorld.Content.Datasets;
using GenWorld.Core.IO;
using GenWorld.Inference;
using GenWorld.Inference.Models;
using GenWorld.Training.Textures;
using TextureGenerator = GenWorld.Inference.Generation.TextureGenerator;
using Spectre.Console;

namespace GenWorld.Cli.Commands;

/// <summary>
/// <c>genworld evaluate texture --model models/textures-gan --dataset DIR</c>: variety of a texture GAN through ONNX
/// Runtime (mean-colour spread across tiles, detail within tiles, NDB/K over colour histograms, the share of repeated
/// tiles, the seam ratio of 20 seeds at 64 and 256 px), each beside the figure for real crops; writes texture-evaluation.json into the model folder (or --out) and prints a table.
/// </summary>
internal static class EvaluateTextureCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static Command Create()
    {
        var model = new Option<DirectoryInfo>("--model") { Description = "Model folder (texture-gan).", Required = true }.ExistingFolder();
        var dataset = new Option<string>("--dataset") { Description = "Built textures dataset (dataset.json + tiles/) or a folder of PNGs.", Required = true };
        var count = new Option<int>("--count") { Description = "Tiles per set (generated, real fit, real held-out).", DefaultValueFactory = _ => 1000 }.Between(100, 1_000_000);
        var size = new Option<int>("--size") { Description = "Tile side in pixels (multiple of 16).", DefaultValueFactory = _ => 64 }
            .Check(v => v is >= 16 and <= 2048 && v % 16 == 0 ? null : "must be a multiple of 16 in [16, 2048]", echo: true);
        var seed = new Option<int>("--seed") { Description = "Seed of latents, crops and k-means.", DefaultValueFactory = _ => 1 };
        var output = new Option<string?>("--out") { Description = "Where to write the JSON (default: MODEL/texture-evaluation.json)." };
        var command = new Command("texture", "Variety of a texture GAN (colour spread, detail, NDB/K, repeats, seams of 20 seeds) against real crops.") { model, dataset, count, size, seed, output };
        command.SetAction(parse =>
        {
            int n = parse.GetValue(count), side = parse.GetValue(size);
            try
            {
                string dir = parse.GetValue(model)!.FullName, data = parse.GetValue(dataset)!;
                using ModelFolder folder = ModelFolder.Open(dir, new OrtSessionFactory(OrtConsoleLog.Line),
                    new OrtSessionSettings(DevicePreference.Cpu, IntraOpThreads: 1));
                AnsiConsole.MarkupLine($"Loading tiles from [bold]{Markup.Escape(data)}[/]...");
                using TileFolder tiles = OpenTiles(data, side);
                TextureEvaluationResult result = TextureEvaluation.Run(new TextureGenerator(folder), folder.Manifest.Name, tiles, data, n, side, parse.GetValue(seed));
                string path = parse.GetValue(output) ?? Path.Combine(dir, "texture-evaluation.json");
                AtomicFile.WriteAllText(path, JsonSerializer.Serialize(result, Json));
                Print(result);
                AnsiConsole.MarkupLine($"Written {Markup.Escape(path)}");
                return 0;
            }
            catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException or InvalidModelFolderException or DatasetException)
            {
                return CliMessage.Fail($"evaluate texture: {e.Message}", 1);
            }
        });
        return command;
    }

    /// <summary>The images of a built textures dataset (as the trainer reads them), else every PNG under the folder.</summary>
    private static TileFolder OpenTiles(string dir, int size)
    {
        if (!File.Exists(Path.Combine(dir, DatasetInfo.FileName))) return TileFolder.Load(dir, size);
        Dataset dataset = Dataset.Open(dir);
        return TileFolder.LoadFiles(dir, [.. dataset.Items.Where(i => i.Width is not null).Select(dataset.PathOf)], size);
    }

    private static void Print(TextureEvaluationResult r)
    {
        string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
        var table = new Table().AddColumns("figure", "generated", "real (reference)");
        table.AddRow("mean-colour spread across tiles (std, 0-1 units)", F(r.ColourSpread), F(r.ColourSpreadReal));
        table.AddRow("detail within tiles (pixel std, 0-1 units)", F(r.Detail), F(r.DetailReal));
        table.AddRow($"NDB/K (K = {r.NdbK}, colour histograms, {r.TilesPerSet} tiles per set)", F(r.Ndb), F(r.NdbRealFloor) + " (fit half vs held-out half)");
        table.AddRow("repeats: share with a nearest neighbour closer than the real median", F(r.RepeatShare), F(r.RepeatShareReal) + " (fit half)");
        table.AddRow($"seam ratio, one tile per seed 1-{r.SeamSeeds}, 64 px: worst / mean", $"{F(r.SeamRatio64Worst)} / {F(r.SeamRatio64Mean)}", "");
        table.AddRow($"seam ratio, one tile per seed 1-{r.SeamSeeds}, 256 px: worst / mean", $"{F(r.SeamRatio256Worst)} / {F(r.SeamRatio256Mean)}", "");
        table.AddRow("same, against interior 16-px cell edges only: worst at 64 / 256 px", $"{F(r.SeamRatioPhaseMatched64Worst)} / {F(r.SeamRatioPhaseMatched256Worst)}", "");
        AnsiConsole.Write(new Rule($"{r.Model} ({r.TileSize} px tiles)"));
        AnsiConsole.Write(table);
    }
}

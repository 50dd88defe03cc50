using System.CommandLine;
using System.Text.Json;
using GenWorld.Core.IO;
using GenWorld.Inference;
using GenWorld.Inference.Generation;
using GenWorld.Inference.Models;
using GenWorld.Rendering.Imaging;

namespace GenWorld.Cli.Commands;

/// <summary>
/// <c>genworld generate texture</c>: a tileable texture from a texture-GAN model folder, written as PNG with a JSON recipe
/// beside it (model, version, seed, size) that regenerates the same file.
/// </summary>
internal static class GenerateTextureCommand
{
    public static Command Create()
    {
        var model = new Option<DirectoryInfo>("--model") { Description = "Model folder.", DefaultValueFactory = _ => new DirectoryInfo("models/textures-gan") };
        var size = new Option<int>("--size") { Description = "Tile side in pixels (a multiple of 16).", DefaultValueFactory = _ => 256 };
        var seed = new Option<int>("--seed") { Description = "Random seed of the latent grid: the same seed gives the same tile.", DefaultValueFactory = _ => 1 };
        var output = new Option<FileInfo>("--out") { Description = "PNG to write (a .json recipe is written beside it).", DefaultValueFactory = _ => new FileInfo("texture.png") };
        var code = new Option<string?>("--code") { Description = "Regenerate the tile a texture recipe code (gw1_..., from `genworld studio`) names; the model is models/<its name> unless --model says otherwise." };
        var command = new Command("texture", "Generate a seamless, tileable texture.") { model, size, seed, output, code };
        command.SetAction(async (parse, ct) =>
        {
            FileInfo png = parse.GetValue(output)!;
            if (parse.GetValue(code) is { } text)
                return await TextureCode.RunAsync(text, parse.GetResult(model) is { Implicit: false } ? parse.GetValue(model)!.FullName : null, png, ct);
            int tile = parse.GetValue(size), s = parse.GetValue(seed);
            // Validate, then do: size and output are checked before the model loads or any memory is taken.
            string? problem = TextureSizeLimit.Problem(tile, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes)
                ?? (Directory.Exists(png.FullName) ? $"--out {png.FullName}: is a folder; give a .png file name." : null);
            if (problem is not null)
            {
                Console.Error.WriteLine($"generate texture: {problem}");
                return 2;
            }
            using ModelFolder folder = ModelFolder.Open(parse.GetValue(model)!.FullName, new OrtSessionFactory(OrtConsoleLog.Line));
            var generator = new TextureGenerator(folder);
            byte[] rgba = await generator.GenerateTextureAsync(generator.SeededLatent(s, tile), tile, ct);
            PngImage.Save(png.FullName, rgba, tile, tile);
            var recipe = new { model = folder.Manifest.Name, version = folder.Manifest.Version, kind = "texture", seed = s, size = tile, device = folder.Device.ToString() };
            AtomicFile.WriteAllText(Path.ChangeExtension(png.FullName, ".json"), JsonSerializer.Serialize(recipe, CliJson.Options));
            Console.WriteLine($"wrote {png.FullName} ({tile}x{tile}, seed {s}) and its recipe");
            return 0;
        });
        return command;
    }
}

using GenWorld.Inference;
using GenWorld.Inference.Generation;
using GenWorld.Inference.Models;
using GenWorld.Rendering.Imaging;

namespace GenWorld.Cli.Commands;

/// <summary>
/// <c>genworld generate texture --code</c>: the tile a studio texture code names, made through the same
/// <see cref="TextureGenerationService"/> the page uses (its latent grid is quantised the same way), so the PNG is the
/// page's byte for byte; a code from another model version is refused naming both hashes.
/// </summary>
internal static class TextureCode
{
    public static async Task<int> RunAsync(string text, string? modelFolder, FileInfo png, CancellationToken ct)
    {
        try
        {
            RecipeCode code = RecipeCode.Parse(text);
            if (code.Kind != RecipeKind.Texture) throw new ArgumentException("this is a sound's code; use `generate sound --code`.");
            string folder = modelFolder ?? Path.GetFullPath(Path.Combine(GenerateSoundCommand.ModelsRoot, code.Model));
            if (TextureSizeLimit.Problem(code.Size, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes) is { } problem) throw new ArgumentException(problem);
            using TextureGenerationService service = TextureGenerationService.Open(folder, factory: new OrtSessionFactory(OrtConsoleLog.Line));
            string hash = RecipeCode.HashOf(service.ModelVersion);
            if (code.VersionHash != hash)
                throw new ArgumentException($"made by a version of '{code.Model}' with hash {code.VersionHash}; '{folder}' has {hash}, so the tile would differ.");
            byte[] rgba = await service.GenerateTextureAsync(service.Generator.SeededLatent(code.Seed, code.Size), code.Size, ct);
            PngImage.Save(png.FullName, rgba, code.Size, code.Size);
            Console.WriteLine($"wrote {png.FullName} ({code.Size}x{code.Size}, seed {code.Seed}, {code.Model})");
            return 0;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or IOException or InvalidModelFolderException or InvalidModelException or NotSupportedException)
        {
            Console.Error.WriteLine($"generate texture: --code: {e.Message.Split(" (Parameter '")[0]}");
            return 1;
        }
    }
}

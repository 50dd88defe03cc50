using GenWorld.Inference.Generation;
using GenWorld.Rendering.Imaging;
using GenWorld.Service.Security;
using GenWorld.Studio.Catalog;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GenWorld.Studio.Api;

/// <summary>
/// POST /studio/api/texture: a tileable PNG from a texture model (seed + size, or a code) through its
/// <see cref="TextureGenerationService"/>, with its recipe code in a header; the page shows it tiled 3×3.
/// </summary>
internal static class TextureEndpoints
{
    public static void Map(WebApplication app) =>
        app.MapPost("/studio/api/texture", (TextureRequest request, StudioModels models, PublicPaths paths, HttpContext context, CancellationToken ct) =>
            StudioResults.Run(paths, async () =>
            {
                RecipeCode? given = request.Code is { } text ? RecipeCode.Parse(text) : null;
                if (given is { Kind: not RecipeKind.Texture }) throw new StudioRequestException(400, "code: this is a sound's code; play it in the Shape panel.");
                string? model = given?.Model ?? request.Model;
                int seed = given?.Seed ?? request.Seed, size = given?.Size ?? request.Size;
                if (size is < 32 or > 512 || size % 16 != 0) throw new StudioRequestException(400, $"size: {size} px; use a multiple of 16 from 32 to 512.");
                TextureGenerationService service = models.Texture(model);
                string hash = RecipeCode.HashOf(service.ModelVersion);
                if (given is not null && given.VersionHash != hash)
                    throw new StudioRequestException(400, $"code: made by a version of '{model}' with hash {given.VersionHash}; the model here has {hash}, so the tile would differ.");
                byte[] rgba = await service.GenerateTextureAsync(service.Generator.SeededLatent(seed, size), size, ct);
                var code = new RecipeCode { Kind = RecipeKind.Texture, Model = model!, VersionHash = hash, Seed = seed, Size = size };
                context.Response.Headers["X-Recipe-Code"] = code.ToString();
                return Results.File(PngImage.Encode(rgba, size, size), "image/png");
            }));
}

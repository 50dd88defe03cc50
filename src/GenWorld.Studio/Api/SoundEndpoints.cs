using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GenWorld.Core.Audio;
using GenWorld.Core.Numerics;
using GenWorld.Inference.Generation;
using GenWorld.Inference.Scheduling;
using GenWorld.Service.Security;
using GenWorld.Studio.Catalog;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GenWorld.Studio.Api;

/// <summary>
/// POST /studio/api/sound: one finished clip through the model's <see cref="SoundGenerationService"/> (batched with
/// other requests, cached), answered as the WAV the CLI writes (16-bit, the service's rate) with its recipe code and the
/// quantised latent in headers. POST /studio/api/decode: what a code names.
/// </summary>
internal static class SoundEndpoints
{
    private const int MaxHints = 8;

    public static void Map(WebApplication app)
    {
        app.MapPost("/studio/api/sound", (SoundRequest request, StudioModels models, PublicPaths paths, HttpContext context, CancellationToken ct) =>
            StudioResults.Run(paths, async () =>
            {
                var clock = Stopwatch.StartNew();
                (SoundGenerationService service, RecipeCode code) = Resolve(request, models);
                float[] clip = await service.GenerateSoundAsync(code.Latent, SoundCodes.Conditioning(service, code), RequestPriority.High, ct);
                using var wav = new MemoryStream();
                WavFile.Encode(wav, new AudioClip(clip, 1, service.SampleRate));
                IHeaderDictionary headers = context.Response.Headers;
                headers["X-Recipe-Code"] = code.ToString();
                headers["X-Latent"] = JsonSerializer.Serialize(code.Latent);
                headers["X-Pitch"] = code.Pitch?.ToString(CultureInfo.InvariantCulture) ?? "";
                headers["X-Label"] = code.Label is int l ? service.Labels[l] : "";
                headers["X-Generate-Ms"] = clock.Elapsed.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture);
                return Results.File(wav.ToArray(), "audio/wav");
            }));

        // The page picks its next Randomize and Mutate latents ahead of the click and hints them, so the service makes
        // them while the user listens (low priority, batched, cached): the click then finds a finished clip.
        app.MapPost("/studio/api/hint", (HintRequest request, StudioModels models, PublicPaths paths) =>
            StudioResults.Run(paths, () =>
            {
                if (request.Latents is not { Length: > 0 and <= MaxHints })
                    throw new StudioRequestException(400, $"latents: give 1 to {MaxHints} latents to prefetch.");
                var codes = request.Latents.Select(l => Resolve(new SoundRequest(request.Model, l, null, request.Pitch, request.Label), models)).ToList();
                SoundGenerationService service = codes[0].Service;
                int queued = service.Hint(codes.Select(c => c.Code.Latent), SoundCodes.Conditioning(service, codes[0].Code));
                return Task.FromResult(Results.Json(new { queued }, statusCode: StatusCodes.Status202Accepted));
            }));

        app.MapPost("/studio/api/decode", (DecodeRequest request, StudioModels models, PublicPaths paths) =>
            StudioResults.Run(paths, () =>
            {
                RecipeCode code = RecipeCode.Parse(request.Code ?? "");
                if (code.Kind == RecipeKind.Texture)
                    return Task.FromResult(Results.Ok(new { kind = "texture", code.Model, code.VersionHash, code.Seed, code.Size }));
                SoundGenerationService service = models.Sound(code.Model);
                SoundConditioning conditioning = SoundCodes.Conditioning(service, code);
                return Task.FromResult(Results.Ok(new { kind = "sound", code.Model, code.VersionHash, pitch = conditioning.MidiPitch, label = conditioning.Label, code.Latent }));
            }));
    }

    /// <summary>The service and the (quantised) code a sound request names.</summary>
    public static (SoundGenerationService Service, RecipeCode Code) Resolve(SoundRequest request, StudioModels models)
    {
        if (request.Code is { } text)
        {
            if (request.Model is not null || request.Latent is not null || request.Seed is not null || request.Pitch is not null || request.Label is not null)
                throw new StudioRequestException(400, "code: a recipe code fixes model, latent, pitch and label; send it alone.");
            RecipeCode parsed = RecipeCode.Parse(text);
            return (models.Sound(parsed.Model), parsed);
        }
        SoundGenerationService service = models.Sound(request.Model);
        if (request.Latent is not null && request.Seed is not null) throw new StudioRequestException(400, "latent and seed are alternatives; send one.");
        float[] latent = request.Latent ?? LatentPrior.SampleOrStandard(models.Prior(request.Model), request.Seed ?? Random.Shared.Next(), service.LatentSize, request.Pitch);
        if (latent.Length != service.LatentSize)
            throw new StudioRequestException(400, $"latent: {latent.Length} values; model '{request.Model}' takes {service.LatentSize}.");
        if (Array.FindIndex(latent, v => !float.IsFinite(v) || Math.Abs(v) > 32) is var bad and >= 0)
            throw new StudioRequestException(400, $"latent[{bad}]: {latent[bad]} is not a finite number within ±32.");
        return (service, SoundCodes.Make(service, request.Model!, latent, request.Pitch, request.Label));
    }
}

using System.IO.Compression;
using System.Text;
using GenWorld.Core.Numerics;
using GenWorld.Inference.Generation;
using GenWorld.Service.Security;
using GenWorld.Studio.Catalog;
using GenWorld.Studio.Export;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GenWorld.Studio.Api;

/// <summary>
/// POST /studio/api/export: the sounds recipe codes name, as one WAV or a zip (with codes.txt), in the chosen rate,
/// depth and channels; or N variations of one code (its latent plus seeded noise × amount), generated together so the
/// service batches them.
/// </summary>
internal static class ExportEndpoints
{
    private const int MaxSounds = 64;

    public static void Map(WebApplication app) =>
        app.MapPost("/studio/api/export", (ExportRequest request, StudioModels models, PublicPaths paths, CancellationToken ct) =>
            StudioResults.Run(paths, async () =>
            {
                if (WavExport.Problem(request.Rate, request.Bits, request.Channels) is { } problem) throw new StudioRequestException(400, problem);
                RecipeCode[] codes = Codes(request, models);
                var clips = await Task.WhenAll(codes.Select(async code =>
                {
                    SoundGenerationService service = models.Sound(code.Model);
                    float[] clip = await SoundCodes.GenerateAsync(service, code, ct);
                    return (Code: code, Wav: WavExport.Encode(clip, service.SampleRate, request.Rate, request.Bits, request.Channels));
                }));
                string suffix = $"{request.Rate / 1000.0:0.#}k-{request.Bits}bit-{(request.Channels == 1 ? "mono" : "stereo")}";
                if (clips.Length == 1 && request.Variations == 0)
                    return Results.File(clips[0].Wav, "audio/wav", $"{clips[0].Code.Model}-{suffix}.wav");
                return Results.File(Zip(clips, suffix), "application/zip", $"genworld-{clips.Length}-sounds-{suffix}.zip");
            }));

    private static RecipeCode[] Codes(ExportRequest request, StudioModels models)
    {
        if (request.Codes is not { Length: > 0 and <= MaxSounds })
            throw new StudioRequestException(400, $"codes: give 1 to {MaxSounds} recipe codes.");
        RecipeCode[] codes = [.. request.Codes.Select(RecipeCode.Parse)];
        if (request.Variations == 0) return codes;
        if (codes.Length != 1) throw new StudioRequestException(400, "variations: give exactly one code to vary.");
        if (request.Variations is < 2 or > MaxSounds) throw new StudioRequestException(400, $"variations: {request.Variations}; make 2 to {MaxSounds}.");
        if (!float.IsFinite(request.Amount) || request.Amount is < 0 or > 2) throw new StudioRequestException(400, $"amount: {request.Amount}; use 0 to 2.");
        RecipeCode origin = codes[0];
        SoundGenerationService service = models.Sound(origin.Model);
        SoundCodes.Conditioning(service, origin); // refuses a code from another version before any work
        return [.. Enumerable.Range(1, request.Variations).Select(i =>
        {
            float[] noise = SeededLatent.StandardNormal(i, origin.Latent.Length);
            float[] latent = [.. origin.Latent.Select((v, k) => v + (request.Amount * noise[k]))];
            return origin with { Latent = RecipeCode.Quantise(latent) };
        })];
    }

    private static byte[] Zip((RecipeCode Code, byte[] Wav)[] clips, string suffix)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var index = new StringBuilder();
            for (int i = 0; i < clips.Length; i++)
            {
                string name = $"{clips[i].Code.Model}-{i + 1:D2}-{suffix}.wav";
                using (Stream entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open()) entry.Write(clips[i].Wav);
                index.Append(name).Append(' ').Append(clips[i].Code).Append('\n');
            }
            using var writer = new StreamWriter(zip.CreateEntry("codes.txt").Open(), new UTF8Encoding(false));
            writer.Write(index.ToString());
        }
        return buffer.ToArray();
    }
}

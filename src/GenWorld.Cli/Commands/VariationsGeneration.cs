using GenWorld.Content.Audio;
using GenWorld.Core.Audio;
using GenWorld.Core.Numerics;
using GenWorld.Inference.Finishing;
using GenWorld.Inference.Generation;

namespace GenWorld.Cli.Commands;

/// <summary>What <c>generate variations</c> was asked for.</summary>
internal sealed record VariationsRequest(FileInfo File, string Model, int Count, float Amount, int? Pitch, int Seed, int Rate, string Output);

/// <summary>
/// The work behind <c>generate variations</c>: checks the options, decodes the file, takes its latent (the encoder's
/// mean), decodes it once as it is (the reconstruction, "variation 0") and then at latent + amount · N(0, I) per seed,
/// writing each as WAV + a recipe that `generate sound --recipe` regenerates, and a contact sheet of them all.
/// </summary>
internal static class VariationsGeneration
{
    public static async Task<List<string>> RunAsync(VariationsRequest request, CancellationToken ct)
    {
        if (request.Count is < 1 or > 1000) throw new ArgumentException($"--count {request.Count}: must be between 1 and 1000.");
        if (!(request.Amount is >= 0 and <= 4)) throw new ArgumentException($"--amount (--spread) {request.Amount}: must be between 0 and 4 (standard deviations of the prior).");
        if (!request.File.Exists) throw new FileNotFoundException($"'{request.File.FullName}' does not exist.", request.File.FullName);
        AudioClip original = AudioDecoder.Load(request.File.FullName);
        var finishing = new SoundFinishing(request.Rate);
        finishing.Validate();

        ISoundBatchGenerator generator = SoundModels.Open(request.Model, finishing, new Inference.OrtSessionFactory(Inference.OrtConsoleLog.Line));
        using var service = new SoundGenerationService(generator);
        var encoder = new SoundEncoder((generator as SoundVaeBatchGenerator
            ?? throw new NotSupportedException($"{request.Model} has no encoder: variations need a sound VAE.")).Model);
        float[] latent = encoder.Encode(original);
        string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(request.Model));
        int modelVersion = Core.Models.ModelManifest.Load(Path.Combine(request.Model, Core.Models.ModelManifest.FileName)).Version;

        Directory.CreateDirectory(request.Output);
        var sheet = new List<(string Caption, float[] Samples, int Rate)> { ($"original {request.File.Name}", original.ToMono().Samples, original.SampleRate) };
        var lines = new List<string>();
        for (int i = 0; i <= request.Count; i++)
        {
            // Variation 0 is the file as the model hears it; the rest move by Amount along seeded standard-normal directions.
            float[] noise = i == 0 ? new float[latent.Length] : SeededLatent.StandardNormal(request.Seed + i - 1, latent.Length);
            float[] moved = [.. latent.Zip(noise, (z, n) => z + (request.Amount * n))];
            float[] clip = await service.GenerateSoundAsync(moved, new SoundConditioning(request.Pitch, null), ct);
            string stem = Path.Combine(request.Output, $"variation-{i:D2}");
            WavFile.Write(stem + ".wav", new AudioClip(clip, 1, service.SampleRate));
            string note = i == 0 ? $"reconstruction of {request.File.Name}" : $"variation {i} of {request.File.Name}, amount {request.Amount}, seed {request.Seed + i - 1}";
            new SoundRecipe("sound", name, request.Model, modelVersion, service.ModelVersion, request.Pitch, null, moved, finishing, note).Save(stem + ".json");
            sheet.Add((i == 0 ? "reconstruction" : $"variation {i}", clip, service.SampleRate));
        }
        string png = Path.Combine(request.Output, "contact-sheet.png");
        SpectrogramSheet.WriteClips(sheet, 4, png);
        lines.Add($"wrote {request.Count} variations of {request.File.Name} (amount {request.Amount}) and its reconstruction to {request.Output}: variation-NN.wav + .json recipes");
        lines.Add($"contact sheet: {png}");
        return lines;
    }
}

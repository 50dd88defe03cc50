using GenWorld.Core.IO;
using GenWorld.Core.Audio;
using GenWorld.Core.Numerics;
using GenWorld.Inference.Finishing;
using GenWorld.Inference.Generation;

namespace GenWorld.Cli.Commands;

/// <summary>What <c>generate sound</c> was asked for (options as parsed, by name; checked by CheckOptions before the model loads).</summary>
internal sealed record SoundRequest
{
    public string? Model { get; init; }
    public int? Pitch { get; init; }
    public string? Label { get; init; }
    public string? Latent { get; init; }
    public FileInfo[]? Between { get; init; }
    public int Steps { get; init; }
    public int Rate { get; init; }
    public int Seed { get; init; }
    public int Count { get; init; }
    public required DirectoryInfo Output { get; init; }
    public FileInfo? Recipe { get; init; }
    public string? Code { get; init; }
}

/// <summary>
/// The work behind <c>generate sound</c>: validate every option first (before the model loads), then request one clip at a
/// time from the service (always a batch of one, so a recipe regenerates bit-identical samples) and write WAV + recipe.
/// </summary>
internal static class SoundGeneration
{
    private sealed record Item(string Stem, float[] Latent, int? Seed, string? Note);

    public static async Task<List<string>> RunAsync(SoundRequest request, CancellationToken ct)
    {
        SoundRecipe? recipe = request.Recipe is { } file ? SoundRecipe.Load(file.FullName) : null;
        SoundFinishing finishing = recipe?.Finishing ?? new SoundFinishing(request.Rate);
        try { finishing.Validate(); }
        catch (ArgumentOutOfRangeException e) when (recipe is null) { throw new ArgumentException($"--rate {request.Rate}: {e.Message.Split(" (Parameter")[0]}", e); }
        CheckOptions(request, recipe);
        RecipeCode? code = request.Code is { } text ? ParseCode(text) : null;
        int? pitch = recipe is null ? request.Pitch : recipe.Pitch;
        string? label = recipe is null ? request.Label : recipe.Label;
        string folder = request.Model ?? recipe?.ModelFolder
            ?? Path.GetFullPath(code is null ? GenerateSoundCommand.DefaultModelFolder : Path.Combine(GenerateSoundCommand.ModelsRoot, code.Model));

        ISoundBatchGenerator generator = SoundModels.Open(folder, finishing, new Inference.OrtSessionFactory(Inference.OrtConsoleLog.Line));
        using var service = new SoundGenerationService(generator);
        SoundEncoder? encoder = request.Between is not null && recipe is null
            ? new SoundEncoder((generator as SoundVaeBatchGenerator ?? throw new NotSupportedException("--between needs a sound VAE (a model with an encoder).")).Model)
            : null;
        if (recipe is not null && recipe.Generator != service.ModelVersion)
            throw new InvalidDataException($"recipe '{request.Recipe!.FullName}' was made by '{recipe.Generator}', but '{folder}' serves '{service.ModelVersion}': the file would differ.");
        string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        if (code is not null)
        {
            try { (pitch, label) = SoundCodes.Conditioning(service, code); }
            catch (ArgumentException e) { throw new ArgumentException($"--code: {e.Message.Split(" (Parameter")[0]}", e); }
        }
        List<Item> items = code is not null ? [new Item($"{name}-code", code.Latent, null, $"recipe code {code}")]
            : recipe is not null
            ? [new Item(Path.GetFileNameWithoutExtension(request.Recipe!.Name), recipe.Latent, recipe.Seed, recipe.Note)]
            : Items(request, encoder, service.LatentSize, LatentPrior.LoadFrom(folder), pitch, $"{name}-{(label is null ? "" : $"{label}-")}{(pitch is null ? "" : $"p{pitch}-")}");

        request.Output.Create();
        var lines = new List<string>();
        foreach (Item item in items)
        {
            float[] clip = await service.GenerateSoundAsync(item.Latent, new SoundConditioning(pitch, label), ct);
            string stem = Path.Combine(request.Output.FullName, item.Stem);
            WavFile.Write(stem + ".wav", new AudioClip(clip, 1, service.SampleRate));
            new SoundRecipe("sound", name, folder, ModelVersionOf(folder), service.ModelVersion, pitch, item.Seed, item.Latent, finishing, item.Note, label)
                .Save(stem + ".json");
            lines.Add($"wrote {stem}.wav ({clip.Length / (double)service.SampleRate:F2} s at {service.SampleRate} Hz) and its recipe");
        }
        return lines;
    }

    private static RecipeCode ParseCode(string text)
    {
        try { return RecipeCode.Parse(text); }
        catch (FormatException e) { throw new ArgumentException($"--code: {e.Message}", e); }
    }

    private static void CheckOptions(SoundRequest request, SoundRecipe? recipe)
    {
        if (request.Code is not null && (recipe is not null || request.Latent is not null || request.Between is not null || request.Pitch is not null
            || request.Label is not null || request.Count > 1))
            throw new ArgumentException("--code fixes model version, latent, pitch and label; do not combine it with --recipe, --latent, --between, --pitch, --label or --count.");
        if (recipe is not null && (request.Latent is not null || request.Between is not null || request.Pitch is not null || request.Label is not null))
            throw new ArgumentException("--recipe fixes latent, pitch and label; do not combine it with --latent, --between, --pitch or --label.");
        if (request.Latent is not null && request.Between is not null) throw new ArgumentException("--latent and --between are alternatives; give one.");
        if (request.Count is < 1 or > 10000) throw new ArgumentException($"--count {request.Count}: must be between 1 and 10000.");
        if (request.Count > 1 && (request.Latent is not null || request.Between is not null))
            throw new ArgumentException("--count makes seeded clips; it cannot be combined with --latent or --between.");
        if (request.Between is not null)
        {
            if (request.Steps is < 2 or > 1000) throw new ArgumentException($"--steps {request.Steps}: must be between 2 and 1000 (both ends included).");
            foreach (FileInfo wav in request.Between)
            {
                if (!wav.Exists) throw new FileNotFoundException($"--between: '{wav.FullName}' does not exist.", wav.FullName);
                try { BoundedFile.Check(wav.FullName, WavFile.MaxFileBytes, "WAV file"); }
                catch (InvalidDataException e) { throw new InvalidDataException($"--between: {e.Message}", e); }
            }
        }
    }

    private static List<Item> Items(SoundRequest request, SoundEncoder? encoder, int latentSize, LatentPrior? prior, int? pitch, string prefix)
    {
        if (encoder is not null)
        {
            float[] a = encoder.Encode(WavFile.Read(request.Between![0].FullName)), b = encoder.Encode(WavFile.Read(request.Between[1].FullName));
            string note = $"between {request.Between[0].Name} and {request.Between[1].Name}";
            return [.. Enumerable.Range(0, request.Steps).Select(i =>
            {
                float t = i / (float)(request.Steps - 1);
                return new Item($"{prefix}between-{i:D2}", [.. a.Zip(b, (x, y) => x + (y - x) * t)], null, $"{note}, step {i} of {request.Steps - 1}");
            })];
        }
        if (request.Latent is { } text) return [new Item($"{prefix}latent", GenerateSoundCommand.ParseLatent(text), null, null)];
        return [.. Enumerable.Range(request.Seed, request.Count).Select(s => new Item($"{prefix}s{s}", LatentPrior.SampleOrStandard(prior, s, latentSize, pitch), s, null))];
    }

    private static int ModelVersionOf(string folder) =>
        GenWorld.Core.Models.ModelManifest.Load(Path.Combine(folder, GenWorld.Core.Models.ModelManifest.FileName)).Version;
}

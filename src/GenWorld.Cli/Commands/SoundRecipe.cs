using System.Text.Json;
using GenWorld.Core.IO;
using GenWorld.Inference.Finishing;

namespace GenWorld.Cli.Commands;

/// <summary>
/// The JSON written beside each generated WAV: everything needed to make the identical file again with
/// <c>genworld generate sound --recipe x.json</c> (model folder and the exact version it served, latent, pitch, finishing).
/// </summary>
internal sealed record SoundRecipe(
    string Kind, string Model, string ModelFolder, int ModelVersion, string Generator,
    int? Pitch, int? Seed, float[] Latent, SoundFinishing Finishing, string? Note = null)
{
    public void Save(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, CliJson.Options));

    /// <summary>Reads and checks a recipe; every problem names its field.</summary>
    /// <exception cref="InvalidDataException">The file is not a sound recipe, or a field is missing or wrong.</exception>
    public static SoundRecipe Load(string path)
    {
        if (!File.Exists(path)) throw new InvalidDataException($"recipe '{path}' does not exist.");
        SoundRecipe? recipe;
        try { recipe = JsonSerializer.Deserialize<SoundRecipe>(File.ReadAllText(path), CliJson.Options); }
        catch (JsonException e) { throw new InvalidDataException($"recipe '{path}': not valid JSON ({e.Message}).", e); }
        var problems = new List<string>();
        if (recipe is null) problems.Add("the file is empty");
        else
        {
            if (recipe.Kind != "sound") problems.Add($"'kind' is '{recipe.Kind}', expected 'sound'");
            if (string.IsNullOrWhiteSpace(recipe.ModelFolder)) problems.Add("'modelFolder' is missing");
            if (string.IsNullOrWhiteSpace(recipe.Generator)) problems.Add("'generator' is missing");
            if (recipe.Latent is null || recipe.Latent.Length == 0) problems.Add("'latent' is missing");
            else if (Array.FindIndex(recipe.Latent, v => !float.IsFinite(v)) is var bad and >= 0) problems.Add($"'latent[{bad}]' is not a finite number");
            if (recipe.Finishing is null) problems.Add("'finishing' is missing");
            else
            {
                try { recipe.Finishing.Validate(); }
                catch (ArgumentOutOfRangeException e) { problems.Add($"'finishing.{JsonNamingPolicy.CamelCase.ConvertName(e.ParamName ?? "")}': {e.Message.Split(" (Parameter")[0]}"); }
            }
        }
        if (problems.Count > 0) throw new InvalidDataException($"recipe '{path}': {string.Join("; ", problems)}.");
        return recipe!;
    }
}

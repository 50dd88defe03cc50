using GenWorld.Core.Models;
using GenWorld.Training.Runs;

namespace GenWorld.Service.Recipes;

/// <summary>Every model kind that can be trained (by the CLI or the service) and exported; add a recipe here for a new kind.</summary>
public static class TrainRecipes
{
    /// <summary>All recipes, by kind.</summary>
    public static IReadOnlyList<ITrainRecipe> All { get; } = [new SoundVaeRecipe(), new SynthVaeRecipe(), new TextureGanRecipe()];

    /// <summary>The recipe for <paramref name="kind"/>, or null.</summary>
    public static ITrainRecipe? Find(string? kind) => All.FirstOrDefault(r => r.Kind == kind);

    /// <summary>Exports a checkpoint folder with the recipe of its kind.</summary>
    /// <exception cref="TrainingException">The checkpoint is foreign, corrupt, or of a kind without an exporter.</exception>
    public static ModelManifest Export(string checkpointDir, string outDir, string? name = null)
    {
        string kind = CheckpointStore.Inspect(checkpointDir).Kind;
        ITrainRecipe recipe = Find(kind) ?? throw new TrainingException($"{checkpointDir}: no exporter for '{kind}' checkpoints yet.");
        name ??= Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(outDir)));
        return recipe.Export(checkpointDir, outDir, name);
    }
}

using System.Text.RegularExpressions;
using GenWorld.Service.Publishing;
using GenWorld.Service.Recipes;
using GenWorld.Service.Security;
using GenWorld.Training.Runs;

namespace GenWorld.Service.Jobs;

/// <summary>Checks a POST /jobs body completely (every problem, each naming its field) and turns it into a job to queue.</summary>
internal sealed partial class JobRequestValidator(DataRoot data, ModelPublisher models, JobStore store, ServiceOptions options)
{
    private const long MaxSteps = 100_000_000;
    private const double MaxMinutes = 7 * 24 * 60;

    public JobRecord? Validate(JobRequest request, List<string> errors)
    {
        ITrainRecipe? recipe = TrainRecipes.Find(request.Kind);
        if (recipe is null)
            errors.Add(request.Kind is null
                ? $"kind: required ({string.Join(" or ", TrainRecipes.All.Select(r => r.Kind))})."
                : $"kind: unknown model kind '{Clip(request.Kind)}' (known: {string.Join(", ", TrainRecipes.All.Select(r => r.Kind))}).");
        string? dataset = data.Resolve(request.Dataset, out string? datasetError);
        if (datasetError is not null) errors.Add(datasetError);
        string name = request.Name ?? recipe?.Kind ?? "";
        if (!NamePattern().IsMatch(name) || name == Core.Models.ModelVersions.LatestFile)
            errors.Add($"name: '{Clip(name)}' must be 1-64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit.");
        if (request.Steps is null && request.Minutes is null) errors.Add("steps/minutes: give a budget (steps, minutes or both).");
        if (request.Steps is < 1 or > MaxSteps) errors.Add($"steps: must be between 1 and {MaxSteps}, got {request.Steps}.");
        if (request.Minutes is { } m && !(m > 0 && m <= MaxMinutes)) errors.Add($"minutes: must be > 0 and at most {MaxMinutes} (a week), got {m}.");
        if (request.CheckpointEverySteps is < 1) errors.Add($"checkpointEverySteps: must be >= 1, got {request.CheckpointEverySteps}.");
        Dictionary<string, double> values = [];
        if (recipe is not null)
        {
            values = HyperParameterValues.Resolve(recipe, request.Hyperparameters, errors);
            if (errors.Count == 0) errors.AddRange(recipe.Validate(values));
        }
        string? baseCheckpoint = request.BaseModel is null || recipe is null ? null : BaseCheckpoint(request.BaseModel, recipe, errors);
        Sweeps.SweepPlan? sweep = request.Sweep is null || recipe is null || errors.Count > 0 ? null : Sweeps.SweepJobs.Plan(recipe, values, request.Sweep, options, errors);
        if (errors.Count > 0) return null;
        return new JobRecord
        {
            Kind = recipe!.Kind, Name = name, Dataset = request.Dataset!, DatasetPath = dataset!, Hyperparameters = values,
            Steps = request.Steps, Minutes = request.Minutes, Seed = request.Seed ?? 1, CheckpointEverySteps = request.CheckpointEverySteps,
            BaseModel = request.BaseModel, BaseCheckpoint = baseCheckpoint, Sweep = sweep,
        };
    }

    private string? BaseCheckpoint(string reference, ITrainRecipe recipe, List<string> errors)
    {
        PublishedVersion? version = ReferencePattern().IsMatch(reference) ? models.Find(reference) : null;
        if (version is null)
        {
            errors.Add($"baseModel: no published model '{Clip(reference)}' (use \"name\" or \"name/version\"; GET /models lists them).");
            return null;
        }
        // ONNX cannot be trained further: the weights come from the checkpoint this service trained the model from, or
        // the one `genworld export` put in the model folder (MODEL/checkpoint/). The checkpoint's kind is checked below
        // (the manifest's kind is the runtime family: a synth-vae is served as a sound-vae).
        string? checkpoint = version.Source?.Checkpoint is { } own && Directory.Exists(own) ? own : ModelCheckpoint.Find(version.Path);
        if (checkpoint is null)
        {
            errors.Add($"baseModel: {reference} was exported without its checkpoint and has none in this service's state ({store.Root}); " +
                $"re-export it with `genworld export RUN --out models/{version.Name}` from the run that trained it.");
            return null;
        }
        try
        {
            CheckpointStore.Inspect(checkpoint, recipe.Kind);
        }
        catch (TrainingException e)
        {
            errors.Add($"baseModel: {e.Message}");
            return null;
        }
        return checkpoint;
    }

    private static string Clip(string s) => s.Length > 40 ? s[..40] + "…" : s;

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}(/[1-9][0-9]{0,8})?$")]
    private static partial Regex ReferencePattern();
}

using GenWorld.Training.Runs;

namespace GenWorld.Service.Recipes;

/// <summary>What to train: a kind, a dataset folder, checked hyper-parameters, the run options and an optional base checkpoint.</summary>
/// <param name="Recipe">The model kind.</param>
/// <param name="DatasetDir">Dataset folder (already confined and checked by the caller).</param>
/// <param name="HyperParameters">Values from <see cref="HyperParameterValues.Resolve(ITrainRecipe, IReadOnlyDictionary{string, double}, List{string})"/>.</param>
/// <param name="Run">Budget, seed, checkpointing, resume, cancellation.</param>
/// <param name="BaseCheckpoint">Checkpoint whose weights start the run (fine-tuning), or null to start from scratch.</param>
public sealed record TrainJobSpec(ITrainRecipe Recipe, string DatasetDir, IReadOnlyDictionary<string, double> HyperParameters, TrainingRunOptions Run, string? BaseCheckpoint = null);

/// <summary>One training job, the same for <c>genworld train</c> and the service: validate, load data, train, finish.</summary>
public static class TrainJob
{
    /// <summary>Problems with the spec (run options and hyper-parameters), each naming its field.</summary>
    public static IReadOnlyList<string> Validate(TrainJobSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new List<string>(spec.Run.Validate());
        foreach (HyperParameter p in spec.Recipe.Parameters)
        {
            if (!spec.HyperParameters.TryGetValue(p.Name, out double v)) errors.Add($"hyperparameters.{p.Name}: missing.");
            else if (p.Check(v) is { } problem) errors.Add(problem);
        }
        if (errors.Count == 0) errors.AddRange(spec.Recipe.Validate(spec.HyperParameters));
        return errors;
    }

    /// <summary>Validates, loads the dataset, trains (resuming when asked) and runs the recipe's finishing step.</summary>
    /// <exception cref="TrainingException">Invalid spec, a bad checkpoint, divergence.</exception>
    /// <exception cref="OperationCanceledException">The run's cancellation token fired (a checkpoint was written first).</exception>
    public static TrainingRunResult Run(TrainJobSpec spec, ITrainingProgress progress)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(progress);
        IReadOnlyList<string> errors = Validate(spec);
        if (errors.Count > 0) throw new TrainingException($"{spec.Recipe.Kind}: " + string.Join(" ", errors));
        using PreparedTraining prepared = spec.Recipe.Prepare(spec.DatasetDir, spec.HyperParameters, progress);
        progress.Log(prepared.Summary);
        TrainingRunResult result = TrainingRun.Execute(spec.Run, random =>
        {
            ITrainable trainable = prepared.Create(random);
            // A resumed run restores its own weights right after this, so the base only matters for a fresh start.
            if (spec.BaseCheckpoint is not null && !spec.Run.Resume) LoadBase(trainable, spec.BaseCheckpoint, progress);
            return trainable;
        }, progress);
        prepared.Finish?.Invoke(result, spec.Run);
        return result;
    }

    private static void LoadBase(ITrainable trainable, string checkpoint, ITrainingProgress progress)
    {
        CheckpointState? state = null;
        try
        {
            // Only the kind must match: fine-tuning changes the dataset (and may change lr/batch), which are in Config.
            state = CheckpointStore.Inspect(checkpoint, trainable.Kind);
            trainable.Module.load(Path.Combine(checkpoint, "model.pt"));
            progress.Log($"Fine-tuning from {checkpoint} (step {state.Step}).");
        }
        catch (Exception e)
        {
            trainable.Dispose();
            if (e is TrainingException) throw;
            // Name the settings that differ, so the fix (give the base's values) is in the message.
            string differ = state is null ? "" : string.Join("; ", trainable.Config
                .Where(kv => kv.Key is not ("dataset" or "licence" or "batchSize") && state.Config.TryGetValue(kv.Key, out string? v) && v != kv.Value)
                .Select(kv => $"{kv.Key}: base {state.Config[kv.Key]}, now {kv.Value}"));
            throw new TrainingException($"base model {checkpoint} does not fit this {trainable.Kind} (same layer sizes needed{(differ.Length > 0 ? $"; {differ}" : "")}): {e.Message}", e);
        }
    }
}

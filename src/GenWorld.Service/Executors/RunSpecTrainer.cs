using GenWorld.Service.Recipes;
using GenWorld.Training.Runs;

namespace GenWorld.Service.Executors;

/// <summary>
/// What <c>genworld-tools train spec</c> does on a cluster node: train one <see cref="RunSpec"/> through
/// <see cref="TrainJob"/> (the same path as a local job), resuming from the run folder's newest intact checkpoint when
/// there is one (a requeued or resubmitted job), with progress in progress.jsonl and the result in outcome.json.
/// Publishing is left to the service.
/// </summary>
public static class RunSpecTrainer
{
    /// <summary>Trains the spec; returns 0 when finished, 1 when failed (outcome.json says why).</summary>
    /// <exception cref="OperationCanceledException">Stopped by a signal (scancel, preemption): checkpointed, no outcome written, so it resumes.</exception>
    public static int Run(RunSpec spec, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(spec);
        using var progress = new ProgressFileWriter(spec.RunDir); // creates the run folder
        File.Delete(Path.Combine(spec.RunDir, RunOutcome.FileName));
        try
        {
            ITrainRecipe recipe = TrainRecipes.Find(spec.Kind) ?? throw new TrainingException($"kind '{spec.Kind}' is not known to this genworld-tools.");
            string? checkpoint = new CheckpointStore(spec.RunDir).LatestIntact(progress.Log);
            if (checkpoint is not null) progress.Resumed(CheckpointStore.Inspect(checkpoint, spec.Kind).Step);
            var run = new TrainingRunOptions
            {
                OutDir = spec.RunDir, MaxSteps = spec.Steps, MaxMinutes = spec.Minutes, Seed = spec.Seed, Threads = spec.Threads,
                CheckpointInterval = TimeSpan.FromSeconds(spec.CheckpointSeconds), CheckpointEverySteps = spec.CheckpointEverySteps,
                PreviewInterval = TimeSpan.FromSeconds(spec.PreviewSeconds), Resume = checkpoint is not null, Cancellation = cancel,
            };
            TrainJob.Run(new TrainJobSpec(recipe, spec.DatasetDir, spec.Hyperparameters, run, spec.BaseCheckpoint), progress);
            new RunOutcome(true, null).Save(spec.RunDir);
            return 0;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            new RunOutcome(false, Jobs.JobOutcomes.Message(e)).Save(spec.RunDir);
            return 1;
        }
    }
}

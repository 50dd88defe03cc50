using GenWorld.Service.Recipes;
using GenWorld.Service.Security;
using GenWorld.Training.Runs;

namespace GenWorld.Service.Jobs;

/// <summary>
/// Runs one job on the calling thread: resume from the run folder's checkpoint when there is one, train through
/// <see cref="TrainJob"/>, publish through <see cref="JobOutcomes"/>, and record the outcome. A cancelled job ends
/// Cancelled; a job stopped by service shutdown stays Running on disk, so the next start resumes it.
/// </summary>
internal sealed class JobRunner(JobStore store, JobEvents events, JobOutcomes outcomes, DataRoot data, PublicPaths paths, ServiceOptions options) : Executors.IJobExecutor
{
    public int Slots => options.MaxConcurrentJobs;

    public void Run(JobRecord job, CancellationToken cancel, CancellationToken shutdown)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel, shutdown);
        string runDir = store.RunDir(job.Id);
        var progress = new JobProgress(job.Id, store, events, paths);
        try
        {
            ITrainRecipe recipe = TrainRecipes.Find(job.Kind) ?? throw new TrainingException($"kind '{job.Kind}' is no longer known to this service.");
            // A damaged newest checkpoint is moved aside (and logged on the job) and the one before it is used.
            string? checkpoint = new CheckpointStore(runDir).LatestIntact(progress.Log);
            if (checkpoint is not null)
            {
                long step = CheckpointStore.Inspect(checkpoint, job.Kind).Step;
                store.Update(job.Id, j => j with { ResumedFromSteps = [.. j.ResumedFromSteps, step], Step = step });
                progress.Log($"Resuming from checkpoint step {step}.");
            }
            var run = new TrainingRunOptions
            {
                OutDir = runDir, MaxSteps = job.Steps, MaxMinutes = job.Minutes, Seed = job.Seed, Threads = options.TorchThreads,
                CheckpointInterval = options.CheckpointInterval, CheckpointEverySteps = job.CheckpointEverySteps,
                PreviewInterval = options.PreviewInterval, Resume = checkpoint is not null, Cancellation = stop.Token,
            };
            string dataset = DatasetSnapshot.Take(data, job.Dataset, Path.GetDirectoryName(runDir)!);
            TrainingRunResult result = TrainJob.Run(new TrainJobSpec(recipe, dataset, job.Hyperparameters, run, job.BaseCheckpoint), progress);
            progress.ScanPreviews();
            outcomes.PublishAndSucceed(job, recipe, result.Report, runDir, progress.Log);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            outcomes.Cancel(job.Id);
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            // Left Running on purpose: the checkpoint just written is where the next start picks up.
            store.Update(job.Id, j => j with { Log = [.. j.Log.TakeLast(19), $"Service stopping: checkpointed at step {j.Step}; resumes on restart."] });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Any other failure ends the job with its message; left Running, it would be retried forever.
            outcomes.Fail(job.Id, JobOutcomes.Message(e));
        }
    }
}

using GenWorld.Service.Jobs;
using GenWorld.Service.Publishing;
using GenWorld.Service.Recipes;
using GenWorld.Service.Security;
using GenWorld.Service.Sweeps;
using GenWorld.Training.Runs;

namespace GenWorld.Service.Executors;

/// <summary>
/// Runs jobs on a Slurm cluster: writes each run's spec and an sbatch script into the job's shared folder, submits one
/// array job (one element per run: 1 for a job, N for a sweep), follows it with squeue while replaying the runs'
/// progress.jsonl into the job's figures and events, and resubmits runs that ended without an outcome (killed, node
/// lost, time limit) so they resume from their checkpoints. When every run has an outcome, the service publishes
/// (atomically, here, never on a node): the run for a job, the best run (or all) for a sweep.
/// </summary>
internal sealed class SlurmExecutor(JobStore store, JobEvents events, JobOutcomes outcomes, ModelPublisher publisher, DataRoot data, PublicPaths paths, ServiceOptions options) : IJobExecutor
{
    private readonly SlurmCli _cli = new(options.Slurm.ConfFile);

    private SlurmSettings Slurm => options.Slurm;

    public int Slots => Slurm.MaxTracked;

    public void Run(JobRecord job, CancellationToken cancel, CancellationToken shutdown)
    {
        var progress = new JobProgress(job.Id, store, events, paths);
        try
        {
            ITrainRecipe recipe = TrainRecipes.Find(job.Kind) ?? throw new TrainingException($"kind '{job.Kind}' is no longer known to this service.");
            var folder = new SlurmJobFolder(Slurm.JobDir ?? store.Root, job.Id, store.RunDir(job.Id));
            SlurmSubmissions submitted = folder.LoadSubmissions();
            if (submitted.JobIds.Count == 0) submitted = SubmitFirst(job, folder, progress);
            else progress.Log($"Following Slurm job {string.Join(", ", submitted.JobIds)} again (the service restarted).");
            var follow = new SlurmRunFollower(job, folder, store, progress);
            bool done = progress.Run(job.Kind, report => Follow(job, folder, submitted, follow, report, progress, cancel, shutdown));
            if (!done) return;
            if (job.Sweep is null) FinishSingle(job, recipe, folder, progress);
            else new SweepFinisher(job, recipe, folder, publisher, outcomes, progress.Log).Finish();
            DatasetSnapshot.Remove(folder.Dir);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            outcomes.Cancel(job.Id);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            outcomes.Fail(job.Id, JobOutcomes.Message(e));
        }
    }

    private SlurmSubmissions SubmitFirst(JobRecord job, SlurmJobFolder folder, JobProgress progress)
    {
        // The dataset copy lives in the shared folder: the nodes read it, and it cannot change under a queued job.
        string dataset = DatasetSnapshot.Take(data, job.Dataset, folder.Dir);
        int count = job.Sweep?.Runs.Count ?? 1;
        for (int i = 0; i < count; i++)
        {
            new RunSpec
            {
                Kind = job.Kind, DatasetDir = Path.GetFullPath(dataset), Hyperparameters = new(job.Sweep?.Runs[i] ?? job.Hyperparameters),
                Steps = job.Steps, Minutes = job.Minutes, Seed = job.Seed, Threads = options.TorchThreads,
                CheckpointSeconds = options.CheckpointInterval.TotalSeconds, CheckpointEverySteps = job.CheckpointEverySteps,
                PreviewSeconds = options.PreviewInterval.TotalSeconds, RunDir = folder.RunDirOf(i, job.Sweep is not null), BaseCheckpoint = job.BaseCheckpoint,
            }.Save(folder.SpecOf(i));
        }
        folder.WriteScript(job.Id, Slurm, Slurm.ToolsCommand ?? ThisTools(), options.TorchThreads);
        string id = _cli.Submit(folder.Script, count == 1 ? "0" : $"0-{count - 1}");
        var submitted = new SlurmSubmissions { JobIds = [id] };
        folder.Save(submitted);
        progress.Log($"Submitted as Slurm job {id}{(count > 1 ? $" (an array of {count} runs)" : "")}.");
        return submitted;
    }

    /// <summary>Polls until every run has ended: true to finish the job, false when the service is stopping (the cluster job goes on).</summary>
    private bool Follow(JobRecord job, SlurmJobFolder folder, SlurmSubmissions submitted, SlurmRunFollower follow, Action<TrainingProgressUpdate> report,
        JobProgress progress, CancellationToken cancel, CancellationToken shutdown)
    {
        int quiet = 0;
        string lastSeen = "";
        while (true)
        {
            follow.Drain(report);
            if (cancel.IsCancellationRequested) CancelOnCluster(submitted, follow, report, cancel);
            if (shutdown.IsCancellationRequested)
            {
                store.Update(job.Id, j => j with { Log = [.. j.Log.TakeLast(19), $"Service stopping: Slurm job {submitted.JobIds[^1]} keeps running; followed again on restart."] });
                return false;
            }
            // Two quiet polls in a row: a job between sbatch and squeue's view, or between requeue and pending, is not taken for ended.
            quiet = Alive(submitted, progress, ref lastSeen) ? 0 : quiet + 1;
            if (quiet >= 2)
            {
                follow.Drain(report);
                IReadOnlyList<int> unfinished = follow.WithoutOutcome();
                if (unfinished.Count == 0) return true;
                Resubmit(folder, job.Sweep is not null, submitted, unfinished, progress);
                quiet = 0;
            }
            WaitHandle.WaitAny([cancel.WaitHandle, shutdown.WaitHandle], Slurm.PollInterval);
        }
    }

    /// <summary>DELETE: scancel (Slurm sends SIGTERM, the trainer checkpoints), wait up to a minute for the runs to stop, then end Cancelled.</summary>
    private void CancelOnCluster(SlurmSubmissions submitted, SlurmRunFollower follow, Action<TrainingProgressUpdate> report, CancellationToken cancel)
    {
        foreach (string id in submitted.JobIds) _cli.Cancel(id);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (submitted.JobIds.Any(_cli.IsAlive) && clock.Elapsed < TimeSpan.FromMinutes(1)) Thread.Sleep(Slurm.PollInterval);
        follow.Drain(report);
        throw new OperationCanceledException($"Slurm job {submitted.JobIds[^1]} cancelled.", cancel);
    }

    private bool Alive(SlurmSubmissions submitted, JobProgress progress, ref string lastSeen)
    {
        try
        {
            SlurmTask[] tasks = [.. submitted.JobIds.SelectMany(_cli.Query)];
            // The cluster's view in the job's log whenever it changes (waiting for resources, running, requeued and held).
            string seen = string.Join(", ", tasks.Where(t => t.Alive).Select(t => t.Reason is "None" or "" ? $"{t.Task} {t.State}" : $"{t.Task} {t.State} ({t.Reason})"));
            if (seen.Length > 0 && seen != lastSeen) progress.Log($"Slurm: {seen}.");
            lastSeen = seen;
            return tasks.Any(t => t.Alive);
        }
        catch (SlurmException e)
        {
            // slurmctld restarting or unreachable: keep following; the job runs on regardless.
            progress.Log($"squeue: {e.Message} (retrying)");
            return true;
        }
    }

    /// <summary>
    /// Runs that ended without an outcome were killed (their process, the node, or the time limit): submit them again, and
    /// they resume from their newest checkpoint. A run whose checkpoint stops moving on gets <see cref="SlurmSettings.MaxResubmits"/> tries.
    /// </summary>
    private void Resubmit(SlurmJobFolder folder, bool sweep, SlurmSubmissions submitted, IReadOnlyList<int> runs, JobProgress progress)
    {
        var steps = new List<string>();
        foreach (int i in runs)
        {
            string runDir = folder.RunDirOf(i, sweep);
            string? checkpoint = new CheckpointStore(runDir).LatestIntact(progress.Log);
            long step = checkpoint is null ? -1 : CheckpointStore.Inspect(checkpoint).Step;
            bool movedOn = step > submitted.LastCheckpointStep.GetValueOrDefault(i, -1);
            submitted.StalledResubmits[i] = movedOn ? 0 : submitted.StalledResubmits.GetValueOrDefault(i) + 1;
            submitted.LastCheckpointStep[i] = step;
            if (submitted.StalledResubmits[i] > Slurm.MaxResubmits)
                throw new SlurmException($"run {i} ended {Slurm.MaxResubmits + 1} times without finishing or moving its checkpoint on (last Slurm job {submitted.JobIds[^1]}{Accounting(submitted)}){LastOutput(folder)}; see {Path.Combine(folder.Dir, "slurm-*.out")}.");
            steps.Add(checkpoint is null ? $"run {i} from the start" : $"run {i} from step {step}");
        }
        string previous = submitted.JobIds[^1];
        string id = _cli.Submit(folder.Script, string.Join(',', runs));
        submitted.JobIds.Add(id);
        folder.Save(submitted);
        progress.Log($"Slurm job {previous} ended without finishing (killed, node lost or time limit{Accounting(submitted)}): resubmitted as Slurm job {id}, resuming {string.Join(", ", steps)}.");
    }

    // The last line the job printed (e.g. "train spec: <why>") says more than any state code.
    private static string LastOutput(SlurmJobFolder folder)
    {
        string? newest = Directory.GetFiles(folder.Dir, "slurm-*.out").OrderBy(File.GetLastWriteTimeUtc).LastOrDefault();
        string? last = newest is null ? null : File.ReadLines(newest).LastOrDefault(l => l.Trim().Length > 0);
        return last is null ? "" : $"; it printed: {last.Trim()}";
    }

    private string Accounting(SlurmSubmissions submitted) =>
        _cli.Accounting(submitted.JobIds[^1]) is { } states ? $"; sacct: {states}" : "";

    private void FinishSingle(JobRecord job, ITrainRecipe recipe, SlurmJobFolder folder, JobProgress progress)
    {
        RunOutcome outcome = RunOutcome.Load(folder.RunDir)!;
        if (!outcome.Succeeded)
        {
            outcomes.Fail(job.Id, outcome.Error ?? "the run failed without a message.");
            return;
        }
        TrainingReport report = RunReports.Load(folder.RunDir) ?? throw new TrainingException($"{Path.Combine(folder.RunDir, "report.json")} is missing or unreadable although the run finished.");
        progress.ScanPreviews();
        outcomes.PublishAndSucceed(job, recipe, report, folder.RunDir, progress.Log);
    }

    // The executable serving now: genworld-tools itself, or `dotnet genworld-tools.dll`.
    private static string[] ThisTools()
    {
        string host = Environment.ProcessPath ?? "genworld-tools";
        return Path.GetFileNameWithoutExtension(host) == "dotnet" && System.Reflection.Assembly.GetEntryAssembly()?.Location is { Length: > 0 } dll
            ? [host, dll]
            : [host];
    }
}

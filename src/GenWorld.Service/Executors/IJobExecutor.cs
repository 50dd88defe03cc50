using GenWorld.Service.Jobs;

namespace GenWorld.Service.Executors;

/// <summary>
/// Where a job's training happens. The worker takes jobs from the store and hands each to the executor on its own
/// thread; the executor trains (or has a cluster train) and records the outcome in the store.
/// </summary>
internal interface IJobExecutor
{
    /// <summary>Jobs the worker hands over at once (the local CPU's share, or how many cluster jobs the service tracks).</summary>
    int Slots { get; }

    /// <summary>
    /// Runs <paramref name="job"/> to a terminal state on the calling thread. <paramref name="cancel"/> is a DELETE: the job
    /// ends Cancelled. <paramref name="shutdown"/> is the service stopping: return and leave the job Running on disk, so the
    /// next start picks it up again.
    /// </summary>
    void Run(JobRecord job, CancellationToken cancel, CancellationToken shutdown);
}

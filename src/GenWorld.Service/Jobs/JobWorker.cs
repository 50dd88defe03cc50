using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;

namespace GenWorld.Service.Jobs;

/// <summary>
/// The background worker: takes jobs from the store (interrupted ones first), runs up to
/// the executor's slots at once (<see cref="ServiceOptions.MaxConcurrentJobs"/> locally), each on its own long-running thread, and cancels them on request.
/// </summary>
internal sealed class JobWorker : BackgroundService
{
    private readonly JobStore _store;
    private readonly Executors.IJobExecutor _runner;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _cancelRequested = new(StringComparer.Ordinal); // taken but not yet in _running

    public JobWorker(JobStore store, Executors.IJobExecutor runner)
    {
        _store = store;
        _runner = runner;
        _store.StateChanged += job => { if (job.State == JobState.Queued) _wake.Release(); };
    }

    /// <summary>Cancels a job: a queued one at once, a running one at its next step (after a checkpoint). False when already finished.</summary>
    public bool Cancel(string id)
    {
        JobRecord? queued = _store.Update(id, j => j.State == JobState.Queued && !_running.ContainsKey(id)
            ? j with { State = JobState.Cancelled, FinishedUtc = DateTimeOffset.UtcNow }
            : null);
        if (queued is not null) return true;
        if (_store.Get(id) is not { State: JobState.Running }) return false;
        _cancelRequested[id] = 0;
        try
        {
            if (_running.TryGetValue(id, out CancellationTokenSource? cts)) cts.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The job ended between the lookup and the cancel: nothing left to stop.
        }
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var tasks = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            while (tasks.Count < _runner.Slots && _store.TakeNext(_running.Keys.ToHashSet()) is { } job)
            {
                var cts = new CancellationTokenSource();
                _running[job.Id] = cts;
                if (_cancelRequested.TryRemove(job.Id, out _)) cts.Cancel();
                tasks.Add(Task.Factory.StartNew(() =>
                {
                    try { _runner.Run(job, cts.Token, stoppingToken); }
                    finally { _running.TryRemove(job.Id, out _); _cancelRequested.TryRemove(job.Id, out _); cts.Dispose(); _wake.Release(); }
                }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));
            }
            try { await _wake.WaitAsync(stoppingToken); }
            catch (OperationCanceledException) { break; }
            tasks.RemoveAll(t => t.IsCompleted);
        }
        // Running jobs see the shutdown token, checkpoint and return; wait for them so their files are complete.
        await Task.WhenAll(tasks);
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}

using System.Diagnostics;
using GenWorld.Training.Runs;

namespace GenWorld.Service.Jobs;

/// <summary>
/// The trainer's progress display for a service job: keeps the job's live figures in the store (persisted every few
/// seconds), and sends "progress" (at most 5 a second), "preview" (when a new preview folder appears) and "log" events.
/// </summary>
internal sealed class JobProgress(string id, JobStore store, JobEvents events, Security.PublicPaths paths) : ITrainingProgress
{
    private static readonly TimeSpan EventEvery = TimeSpan.FromMilliseconds(200), PersistEvery = TimeSpan.FromSeconds(5), PreviewScanEvery = TimeSpan.FromSeconds(1);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastEvent = TimeSpan.FromDays(-1), _lastPersist, _lastScan;
    private string? _lastPreview;

    public T Run<T>(string title, Func<Action<TrainingProgressUpdate>, T> body) => body(OnUpdate);

    public void Log(string message)
    {
        store.Update(id, j => j with { Log = [.. j.Log.TakeLast(19), message] }, persist: true);
        events.Publish(id, new JobEvent("log", new { message = paths.Redact(message) })); // the job keeps the full line; answers never show server paths
    }

    private void OnUpdate(TrainingProgressUpdate u)
    {
        TimeSpan now = _clock.Elapsed;
        bool persist = now - _lastPersist >= PersistEvery;
        if (persist) _lastPersist = now;
        JobRecord? job = store.Update(id, j => j with
        {
            Step = u.Step, Fraction = u.Fraction, Loss = u.Loss, StepsPerSecond = u.StepsPerSecond, Losses = u.Losses ?? j.Losses,
            EtaSeconds = u.Eta == TimeSpan.MaxValue ? null : u.Eta.TotalSeconds,
        }, persist);
        if (job is null) return;
        if (now - _lastEvent >= EventEvery)
        {
            _lastEvent = now;
            events.Publish(id, new JobEvent("progress", new
            {
                step = u.Step, fraction = u.Fraction, loss = double.IsFinite(u.Loss) ? u.Loss : (double?)null,
                stepsPerSecond = u.StepsPerSecond, etaSeconds = job.EtaSeconds, losses = job.Losses,
            }));
        }
        if (now - _lastScan >= PreviewScanEvery)
        {
            _lastScan = now;
            ScanPreviews();
        }
    }

    /// <summary>Sends a "preview" event when the trainer has written a newer preview folder.</summary>
    public void ScanPreviews()
    {
        IReadOnlyList<string> urls = JobPreviews.Latest(id, store.RunDir(id));
        string? newest = urls.FirstOrDefault(u => u.Contains("/step-", StringComparison.Ordinal));
        if (newest is null || newest == _lastPreview) return;
        _lastPreview = newest;
        events.Publish(id, new JobEvent("preview", new { files = urls }));
    }
}

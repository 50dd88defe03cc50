using GenWorld.Service.Jobs;
using GenWorld.Training.Runs;

namespace GenWorld.Service.Executors;

/// <summary>
/// Replays the runs' progress.jsonl files into the job: steps become the job's progress updates (a sweep's are summed,
/// its fraction averaged), log lines its log (a sweep's prefixed with the run), resumes its resumedFromSteps. This is the
/// same <see cref="JobProgress"/> a local job reports through, so the figures and SSE events are the same.
/// </summary>
internal sealed class SlurmRunFollower
{
    private readonly JobRecord _job;
    private readonly SlurmJobFolder _folder;
    private readonly JobStore _store;
    private readonly JobProgress _progress;
    private readonly ProgressFileReader[] _readers;
    private readonly ProgressRecord?[] _latest;

    public SlurmRunFollower(JobRecord job, SlurmJobFolder folder, JobStore store, JobProgress progress)
    {
        _job = job;
        _folder = folder;
        _store = store;
        _progress = progress;
        _readers = [.. Enumerable.Range(0, Count).Select(i => new ProgressFileReader(RunDir(i)))];
        _latest = new ProgressRecord?[Count];
    }

    private bool IsSweep => _job.Sweep is not null;

    private int Count => _job.Sweep?.Runs.Count ?? 1;

    /// <summary>Run folder of run <paramref name="index"/>.</summary>
    public string RunDir(int index) => _folder.RunDirOf(index, IsSweep);

    /// <summary>Applies every line written since the last call.</summary>
    public void Drain(Action<TrainingProgressUpdate> report)
    {
        bool stepped = false;
        for (int i = 0; i < Count; i++)
        {
            foreach (ProgressRecord r in _readers[i].ReadNew())
            {
                string prefix = IsSweep ? $"run {i}: " : "";
                switch (r.Type)
                {
                    case "progress":
                        _latest[i] = r;
                        stepped = true;
                        break;
                    case "log" when r.Message is not null:
                        _progress.Log(prefix + r.Message);
                        break;
                    case "resumed":
                        _store.Update(_job.Id, j => j with { ResumedFromSteps = [.. j.ResumedFromSteps, r.Step], Step = IsSweep ? j.Step : r.Step });
                        _progress.Log($"{prefix}Resuming from checkpoint step {r.Step}.");
                        break;
                }
            }
        }
        if (!stepped) return;
        if (!IsSweep)
        {
            ProgressRecord r = _latest[0]!;
            report(new TrainingProgressUpdate(r.Step, r.Fraction, r.Loss, r.StepsPerSecond, Eta(r.EtaSeconds), r.Losses));
            return;
        }
        // A sweep's figures: steps and rates summed, the budget fraction averaged, the ETA of the slowest run; no single loss.
        ProgressRecord?[] runs = _latest;
        double? eta = runs.All(r => r?.EtaSeconds is not null) ? runs.Max(r => r!.EtaSeconds) : null;
        report(new TrainingProgressUpdate(runs.Sum(r => r?.Step ?? 0), runs.Average(r => r?.Fraction ?? 0), double.NaN,
            runs.Sum(r => r?.StepsPerSecond ?? 0), Eta(eta)));
    }

    /// <summary>Runs without an outcome.json: still running, or killed.</summary>
    public IReadOnlyList<int> WithoutOutcome() => [.. Enumerable.Range(0, Count).Where(i => RunOutcome.Load(RunDir(i)) is null)];

    private static TimeSpan Eta(double? seconds) => seconds is double s && double.IsFinite(s) ? TimeSpan.FromSeconds(s) : TimeSpan.MaxValue;
}

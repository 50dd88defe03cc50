using System.Text.Json;
using System.Text.Json.Serialization;
using GenWorld.Core.IO;

namespace GenWorld.Service.Jobs;

/// <summary>
/// The persistent queue: one folder per job under &lt;state&gt;/jobs/&lt;id&gt;/ with job.json (written atomically on every
/// state change and every few seconds of progress) and run/ (checkpoints, previews, report). Loaded back on start.
/// </summary>
public sealed class JobStore
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly Lock _gate = new();
    private readonly Dictionary<string, JobRecord> _jobs = new(StringComparer.Ordinal);
    private readonly List<BrokenJob> _broken = [];
    private long _sequence;

    /// <summary>Loads every job under <paramref name="stateRoot"/>/jobs.</summary>
    public JobStore(string stateRoot)
    {
        Root = Path.Combine(Path.GetFullPath(stateRoot), "jobs");
        Directory.CreateDirectory(Root);
        foreach (string dir in Directory.EnumerateDirectories(Root))
        {
            string file = Path.Combine(dir, "job.json");
            if (!File.Exists(file)) continue; // submission died before its first write: nothing was accepted
            try
            {
                JobRecord job = JsonSerializer.Deserialize<JobRecord>(File.ReadAllText(file), Json) ?? throw new JsonException("null");
                _jobs[job.Id] = job;
                _sequence = Math.Max(_sequence, job.Sequence);
            }
            catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
            {
                _broken.Add(new BrokenJob(Path.GetFileName(dir), $"{file} cannot be read ({e.Message}); the job is left in place for a person to look at."));
            }
        }
    }

    /// <summary>The jobs folder.</summary>
    public string Root { get; }

    /// <summary>Jobs whose job.json could not be read at start (left in place for a person to look at), each with its problem.</summary>
    public IReadOnlyList<BrokenJob> Broken => _broken;

    /// <summary>Raised after a job is added or changes state (not on every progress update).</summary>
    public event Action<JobRecord>? StateChanged;

    /// <summary>The run folder of a job.</summary>
    public string RunDir(string id) => Path.Combine(Root, id, "run");

    /// <summary>All jobs in submission order.</summary>
    public IReadOnlyList<JobRecord> All() { lock (_gate) return [.. _jobs.Values.OrderBy(j => j.Sequence)]; }

    /// <summary>One job, or null.</summary>
    public JobRecord? Get(string id) { lock (_gate) return _jobs.GetValueOrDefault(id); }

    /// <summary>Assigns id and sequence, stores the job as Queued and persists it.</summary>
    public JobRecord Add(JobRecord job) => TryAdd(job, int.MaxValue)!;

    /// <summary>Like <see cref="Add"/>, but null (nothing stored) when <paramref name="maxQueued"/> jobs already wait.</summary>
    public JobRecord? TryAdd(JobRecord job, int maxQueued)
    {
        JobRecord stored;
        lock (_gate)
        {
            if (_jobs.Values.Count(j => j.State == JobState.Queued) >= maxQueued) return null;
            stored = job with { Id = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}", Sequence = ++_sequence, State = JobState.Queued, CreatedUtc = DateTimeOffset.UtcNow };
            _jobs[stored.Id] = stored;
            Persist(stored);
        }
        StateChanged?.Invoke(stored);
        return stored;
    }

    /// <summary>
    /// Applies <paramref name="change"/> atomically. Persists when <paramref name="persist"/> (always when the state changes).
    /// Returns the new record, or null when the job does not exist or <paramref name="change"/> returned null (no change).
    /// </summary>
    public JobRecord? Update(string id, Func<JobRecord, JobRecord?> change, bool persist = true)
    {
        JobRecord? updated;
        bool stateChanged;
        lock (_gate)
        {
            if (!_jobs.TryGetValue(id, out JobRecord? current)) return null;
            updated = change(current);
            if (updated is null) return null;
            _jobs[id] = updated;
            stateChanged = updated.State != current.State;
            if (persist || stateChanged) Persist(updated);
        }
        if (stateChanged) StateChanged?.Invoke(updated);
        return updated;
    }

    /// <summary>
    /// The next job to run: one interrupted while Running (a crash or a restart) first, then the oldest Queued; it is
    /// marked Running before the lock is released so no two workers take it. Null when none waits.
    /// </summary>
    public JobRecord? TakeNext(IReadOnlySet<string> active)
    {
        JobRecord? next;
        lock (_gate)
        {
            next = _jobs.Values.Where(j => !active.Contains(j.Id) && j.State is JobState.Running or JobState.Queued)
                .OrderBy(j => j.State == JobState.Running ? 0 : 1).ThenBy(j => j.Sequence).FirstOrDefault();
            if (next is null) return null;
            if (next.State == JobState.Queued)
            {
                next = next with { State = JobState.Running, StartedUtc = DateTimeOffset.UtcNow };
                _jobs[next.Id] = next;
                Persist(next);
            }
            else return next;
        }
        StateChanged?.Invoke(next);
        return next;
    }

    private void Persist(JobRecord job) =>
        AtomicFile.WriteAllText(Path.Combine(Root, job.Id, "job.json"), JsonSerializer.Serialize(job, Json));
}

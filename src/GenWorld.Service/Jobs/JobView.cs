namespace GenWorld.Service.Jobs;

/// <summary>A job as the API shows it (GET /jobs/{id}, event payloads): no server paths, plus links.</summary>
public sealed record JobView(
    string Id, string Kind, string Name, string Dataset, string State, long Step, long? Steps, double? Minutes, double Fraction,
    double? Loss, IReadOnlyDictionary<string, double> Losses, double StepsPerSecond, double? EtaSeconds, IReadOnlyDictionary<string, double> Hyperparameters,
    IReadOnlyDictionary<string, double> Metrics, string? Error, string? Model, string? BaseModel, IReadOnlyList<long> ResumedFromSteps,
    DateTimeOffset CreatedUtc, DateTimeOffset? StartedUtc, DateTimeOffset? FinishedUtc, IReadOnlyList<string> Log,
    IReadOnlyList<string> Previews, JobLinks Links, Sweeps.SweepPlan? Sweep = null, IReadOnlyList<Sweeps.SweepRunResult>? SweepRuns = null)
{
    /// <summary>The view of <paramref name="job"/> with the URLs of its latest previews; <paramref name="paths"/> hides server paths in its messages.</summary>
    public static JobView Of(JobRecord job, IReadOnlyList<string> previews, Security.PublicPaths paths) => new(
        job.Id, job.Kind, job.Name, paths.Redact(job.Dataset), job.State.ToString().ToLowerInvariant(), job.Step, job.Steps, job.Minutes, job.Fraction,
        job.Loss is double l && double.IsFinite(l) ? l : null, Finite(job.Losses), job.StepsPerSecond, job.EtaSeconds, job.Hyperparameters,
        Finite(job.Metrics), job.Error is null ? null : paths.Redact(job.Error), job.Model, job.BaseModel, job.ResumedFromSteps, job.CreatedUtc, job.StartedUtc,
        job.FinishedUtc, paths.Redact(job.Log),
        previews, new JobLinks($"/jobs/{job.Id}", $"/jobs/{job.Id}/events", $"/jobs/{job.Id}/previews/"), job.Sweep, job.SweepRuns);

    /// <summary>A job whose record is damaged: state "broken", the problem as its error.</summary>
    public static JobView Of(BrokenJob job, Security.PublicPaths paths)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(paths);
        return new(job.Id, "", "", "", "broken", 0, null, null, 0, null, new Dictionary<string, double>(), 0, null, new Dictionary<string, double>(),
            new Dictionary<string, double>(), paths.Redact(job.Problem), null, null, [], default, null, null, [], [],
            new JobLinks($"/jobs/{job.Id}", $"/jobs/{job.Id}/events", $"/jobs/{job.Id}/previews/"));
    }

    // JSON has no NaN or infinity.
    private static Dictionary<string, double> Finite(IReadOnlyDictionary<string, double> values) =>
        values.Where(kv => double.IsFinite(kv.Value)).ToDictionary(StringComparer.Ordinal);
}

/// <summary>Where to find more about a job.</summary>
/// <param name="Self">The job.</param>
/// <param name="Events">Its server-sent event stream.</param>
/// <param name="Previews">Prefix of its preview files.</param>
public sealed record JobLinks(string Self, string Events, string Previews);

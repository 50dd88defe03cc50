namespace GenWorld.Service.Jobs;

/// <summary>A job as stored in &lt;state&gt;/jobs/&lt;id&gt;/job.json: the validated request plus its progress and outcome.</summary>
public sealed record JobRecord
{
    /// <summary>Job id (URL-safe).</summary>
    public string Id { get; init; } = "";

    /// <summary>Submission order (the queue is first in, first out).</summary>
    public long Sequence { get; init; }

    /// <summary>Model kind.</summary>
    public string Kind { get; init; } = "";

    /// <summary>Model name: published to models/&lt;name&gt;/&lt;version&gt;/.</summary>
    public string Name { get; init; } = "";

    /// <summary>Dataset as requested (relative to the data root).</summary>
    public string Dataset { get; init; } = "";

    /// <summary>The dataset's real path (confined to the data root when the job was accepted).</summary>
    public string DatasetPath { get; init; } = "";

    /// <summary>Every hyper-parameter, defaults filled in.</summary>
    public IReadOnlyDictionary<string, double> Hyperparameters { get; init; } = new Dictionary<string, double>();

    /// <summary>Step budget.</summary>
    public long? Steps { get; init; }

    /// <summary>Minute budget.</summary>
    public double? Minutes { get; init; }

    /// <summary>Seed.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Also checkpoint every this many steps (besides the service's time interval).</summary>
    public long? CheckpointEverySteps { get; init; }

    /// <summary>Base model as requested ("name" or "name/version").</summary>
    public string? BaseModel { get; init; }

    /// <summary>The base model's training checkpoint.</summary>
    public string? BaseCheckpoint { get; init; }

    /// <summary>Current state.</summary>
    public JobState State { get; init; }

    /// <summary>When it was submitted.</summary>
    public DateTimeOffset CreatedUtc { get; init; }

    /// <summary>When training first started.</summary>
    public DateTimeOffset? StartedUtc { get; init; }

    /// <summary>When it reached a terminal state.</summary>
    public DateTimeOffset? FinishedUtc { get; init; }

    /// <summary>Steps done.</summary>
    public long Step { get; init; }

    /// <summary>Share of the budget used, 0..1.</summary>
    public double Fraction { get; init; }

    /// <summary>Latest loss.</summary>
    public double? Loss { get; init; }

    /// <summary>Every named loss of the latest step (e.g. logMagMse, klNats; d_loss, g_loss).</summary>
    public IReadOnlyDictionary<string, double> Losses { get; init; } = new Dictionary<string, double>();

    /// <summary>Recent step rate.</summary>
    public double StepsPerSecond { get; init; }

    /// <summary>Estimated seconds left (null when unknown).</summary>
    public double? EtaSeconds { get; init; }

    /// <summary>Final held-out metrics.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>Why it failed.</summary>
    public string? Error { get; init; }

    /// <summary>Published version ("name/3").</summary>
    public string? Model { get; init; }

    /// <summary>Checkpoint steps each resume started from (after a crash or a restart).</summary>
    public IReadOnlyList<long> ResumedFromSteps { get; init; } = [];

    /// <summary>Recent log lines (checkpoints, rollbacks, resumes).</summary>
    public IReadOnlyList<string> Log { get; init; } = [];

    /// <summary>The sweep this job runs (one run per element of a Slurm array job), or null for a single run.</summary>
    public Sweeps.SweepPlan? Sweep { get; init; }

    /// <summary>A finished sweep's runs, ranked.</summary>
    public IReadOnlyList<Sweeps.SweepRunResult>? SweepRuns { get; init; }
}

using System.Text.Json.Serialization;

namespace GenWorld.Service.Executors;

/// <summary>
/// One line of a run's progress.jsonl, the channel from a trainer on a cluster node back to the service: a step
/// ("progress"), a log line ("log") or a resume from a checkpoint ("resumed"). The service replays these into the same
/// job figures and SSE events as a local job's.
/// </summary>
public sealed record ProgressRecord
{
    /// <summary>"progress", "log" or "resumed".</summary>
    public string Type { get; init; } = "";

    /// <summary>Steps done (progress), or the checkpoint step resumed from (resumed).</summary>
    public long Step { get; init; }

    /// <summary>Share of the budget used.</summary>
    public double Fraction { get; init; }

    /// <summary>Latest loss (NaN when none).</summary>
    public double Loss { get; init; } = double.NaN;

    /// <summary>Recent step rate.</summary>
    public double StepsPerSecond { get; init; }

    /// <summary>Seconds left, null when unknown.</summary>
    public double? EtaSeconds { get; init; }

    /// <summary>Every named loss of the step.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, double>? Losses { get; init; }

    /// <summary>The log line.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Message { get; init; }
}

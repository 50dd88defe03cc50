using System.Text.Json;
using GenWorld.Core.IO;

namespace GenWorld.Training.Runs;

/// <summary>report.json at the end of a run: budget used, speed, final losses, rollbacks and held-out metrics.</summary>
public sealed record TrainingReport
{
    /// <summary>Model kind.</summary>
    public string Kind { get; init; } = "";

    /// <summary>Seed.</summary>
    public int Seed { get; init; }

    /// <summary>libtorch threads.</summary>
    public int Threads { get; init; }

    /// <summary>Steps done in total.</summary>
    public long Steps { get; init; }

    /// <summary>Training seconds in total (all sessions).</summary>
    public double ElapsedSeconds { get; init; }

    /// <summary>Steps per second in this session.</summary>
    public double StepsPerSecond { get; init; }

    /// <summary>NaN/Inf rollbacks.</summary>
    public int Rollbacks { get; init; }

    /// <summary>Mean losses over the last history point.</summary>
    public IReadOnlyDictionary<string, double> FinalLosses { get; init; } = new Dictionary<string, double>();

    /// <summary>Held-out metrics from <see cref="ITrainable.Evaluate"/>.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>Model hyper-parameters.</summary>
    public IReadOnlyDictionary<string, string> Config { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The held-out loss before this session's first step (for a fine-tune: how the base model does on this data, the
    /// mark the run has to beat); null when no held-out loss was watched.
    /// </summary>
    public double? HeldOutLossAtStart { get; init; }

    /// <summary>The step at which early stopping ended the run (null: it ran to its budget).</summary>
    public long? EarlyStoppedAtStep { get; init; }

    /// <summary>Latest checkpoint folder.</summary>
    public string Checkpoint { get; init; } = "";

    /// <summary>Writes the report atomically.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, Json));

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
}

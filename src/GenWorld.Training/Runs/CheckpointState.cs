namespace GenWorld.Training.Runs;

/// <summary>One point of the loss curve: mean losses over the steps since the previous point.</summary>
public sealed record HistoryPoint(long Step, IReadOnlyDictionary<string, double> Losses);

/// <summary>The JSON sidecar of a checkpoint (checkpoint.json): everything but the tensors, plus a hash of each tensor file.</summary>
public sealed record CheckpointState
{
    /// <summary>Marks our checkpoints; anything else is refused as foreign.</summary>
    public const string FormatName = "genworld-checkpoint";

    /// <summary>Always <see cref="FormatName"/>.</summary>
    public string Format { get; init; } = FormatName;

    /// <summary>Layout version of this sidecar.</summary>
    public int FormatVersion { get; init; } = 1;

    /// <summary>Model kind (e.g. "sound-vae").</summary>
    public string Kind { get; init; } = "";

    /// <summary>Hyper-parameters that must match to resume.</summary>
    public IReadOnlyDictionary<string, string> Config { get; init; } = new Dictionary<string, string>();

    /// <summary>Optimiser steps done.</summary>
    public long Step { get; init; }

    /// <summary>Seed the run started with.</summary>
    public int Seed { get; init; }

    /// <summary><see cref="RunRandom.State"/> at this step.</summary>
    public ulong RandomState { get; init; }

    /// <summary>Product of learning-rate cuts from rollbacks so far.</summary>
    public double LrScale { get; init; } = 1;

    /// <summary>Rollbacks so far.</summary>
    public int Rollbacks { get; init; }

    /// <summary>Training wall-clock seconds so far (over all resumed sessions).</summary>
    public double ElapsedSeconds { get; init; }

    /// <summary>Loss curve so far.</summary>
    public IReadOnlyList<HistoryPoint> History { get; init; } = [];

    /// <summary>SHA-256 (hex) of each tensor file in the checkpoint folder, by file name.</summary>
    public IReadOnlyDictionary<string, string> Files { get; init; } = new Dictionary<string, string>();
}

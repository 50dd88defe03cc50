namespace GenWorld.Training.Runs;

/// <summary>How a training run is budgeted, seeded, checkpointed and reported. Validate before use.</summary>
public sealed record TrainingRunOptions
{
    /// <summary>Folder for checkpoints, previews, curves and report.json.</summary>
    public string OutDir { get; init; } = "";

    /// <summary>Seed for libtorch and for <see cref="RunRandom"/>.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>libtorch intra-op threads; 1 is faster for small models on this machine (measured).</summary>
    public int Threads { get; init; } = 1;

    /// <summary>
    /// Nice value the training thread (and libtorch's threads, which it creates) lowers itself to, 0..19 (0: unchanged).
    /// Training is a background job: at 10 a world on the same machine keeps its frame and sound deadlines.
    /// </summary>
    public int Nice { get; init; } = 10;

    /// <summary>Stop after this many optimiser steps (null: no step limit).</summary>
    public long? MaxSteps { get; init; }

    /// <summary>Stop after this many wall-clock minutes (null: no time limit).</summary>
    public double? MaxMinutes { get; init; }

    /// <summary>Wall-clock time between checkpoints; one is also written at the start and the end.</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Also checkpoint every this many steps (null: time-based only). Tests use it to be deterministic.</summary>
    public long? CheckpointEverySteps { get; init; }

    /// <summary>Checkpoints kept on disk, newest first (GANs can drift late in a run: keep more to pick an earlier one).</summary>
    public int KeepCheckpoints { get; init; } = 2;

    /// <summary>Wall-clock time between previews (WAV grid, PNG sheet) and curve plots.</summary>
    public TimeSpan PreviewInterval { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Continue from the latest checkpoint in <see cref="OutDir"/> instead of starting fresh.</summary>
    public bool Resume { get; init; }

    /// <summary>Losses are averaged over this many steps per history point.</summary>
    public int HistoryEvery { get; init; } = 10;

    /// <summary>Learning rates are multiplied by this after a NaN/Inf rollback.</summary>
    public double RollbackLrFactor { get; init; } = 0.5;

    /// <summary>Give up (with a clear error) after this many rollbacks.</summary>
    public int MaxRollbacks { get; init; } = 5;

    /// <summary>
    /// Early stopping: stop when the held-out loss has not improved for this many evaluations (null: off; a model
    /// without a held-out loss ignores it, with one log line).
    /// </summary>
    public int? EarlyStopPatience { get; init; }

    /// <summary>Steps between held-out evaluations for early stopping.</summary>
    public long EvaluateEverySteps { get; init; } = 100;

    /// <summary>Write curves.png and previews (tests may switch it off to stay fast).</summary>
    public bool WritePreviews { get; init; } = true;

    /// <summary>
    /// Cooperative stop: checked before every step; when set, the run writes a checkpoint at the step reached and throws
    /// <see cref="OperationCanceledException"/>, so a later run with <see cref="Resume"/> continues from exactly there.
    /// </summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Problems, each naming the option; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(OutDir)) errors.Add("--out: an output folder is required.");
        if (Threads < 1) errors.Add($"--threads: must be >= 1, got {Threads}.");
        if (Nice is < 0 or > 19) errors.Add($"--nice: must be 0..19, got {Nice}.");
        if (MaxSteps is null && MaxMinutes is null) errors.Add("--steps/--minutes: give at least one budget.");
        if (MaxSteps is < 1) errors.Add($"--steps: must be >= 1, got {MaxSteps}.");
        if (MaxMinutes is { } m && !(m > 0)) errors.Add($"--minutes: must be > 0, got {m}.");
        if (CheckpointInterval <= TimeSpan.Zero) errors.Add("checkpointInterval: must be positive.");
        if (KeepCheckpoints < 1) errors.Add($"keepCheckpoints: must be >= 1, got {KeepCheckpoints}.");
        if (CheckpointEverySteps is < 1) errors.Add("checkpointEverySteps: must be >= 1.");
        if (EarlyStopPatience is < 1) errors.Add($"--early-stop: must be >= 1 evaluations, got {EarlyStopPatience}.");
        if (EvaluateEverySteps < 1) errors.Add($"--evaluate-every: must be >= 1 steps, got {EvaluateEverySteps}.");
        if (HistoryEvery < 1) errors.Add("historyEvery: must be >= 1.");
        if (!(RollbackLrFactor > 0 && RollbackLrFactor <= 1)) errors.Add("rollbackLrFactor: must be in (0, 1].");
        if (MaxRollbacks < 0) errors.Add("maxRollbacks: must be >= 0.");
        return errors;
    }
}

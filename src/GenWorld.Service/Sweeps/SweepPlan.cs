namespace GenWorld.Service.Sweeps;

/// <summary>A validated sweep, stored with its job: every run's full hyper-parameters (drawn once, at submission) and how runs are ranked and published.</summary>
public sealed record SweepPlan
{
    /// <summary>Each run's hyper-parameters, defaults and the job's values filled in.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, double>> Runs { get; init; } = [];

    /// <summary>The names the sweep varies (the report's columns).</summary>
    public IReadOnlyList<string> Swept { get; init; } = [];

    /// <summary>Report metric the runs are ranked by.</summary>
    public string RankBy { get; init; } = "";

    /// <summary>True when smaller is better.</summary>
    public bool Minimize { get; init; } = true;

    /// <summary>Publish every finished run (best last) rather than only the best.</summary>
    public bool PublishAll { get; init; }
}

/// <summary>One run of a finished sweep, as the report and GET /jobs/{id} show it.</summary>
/// <param name="Index">Array index.</param>
/// <param name="Hyperparameters">The swept values of this run.</param>
/// <param name="State">"succeeded" or "failed".</param>
/// <param name="Steps">Steps trained.</param>
/// <param name="Figure">The ranking metric, null when the run failed or did not report it.</param>
/// <param name="Rank">1 for the best; null when unranked.</param>
/// <param name="Model">Published version ("name/N"), when published.</param>
/// <param name="Error">Why it failed.</param>
public sealed record SweepRunResult(int Index, IReadOnlyDictionary<string, double> Hyperparameters, string State, long Steps, double? Figure, int? Rank, string? Model, string? Error);

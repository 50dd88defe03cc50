namespace GenWorld.Service.Sweeps;

/// <summary>
/// The "sweep" field of POST /jobs: a grid (every combination of the listed values) or a random search (each named
/// hyper-parameter drawn from a range, <see cref="Runs"/> times) over the job's hyper-parameters. Each run is one element of
/// a Slurm array job; the finished runs are ranked by a held-out figure and the best (or all) published.
/// </summary>
public sealed record SweepRequest
{
    /// <summary>Values per hyper-parameter name; the runs are every combination.</summary>
    public Dictionary<string, double[]>? Grid { get; init; }

    /// <summary>A range per hyper-parameter name, sampled <see cref="Runs"/> times.</summary>
    public Dictionary<string, SweepRange>? Random { get; init; }

    /// <summary>Random search: how many runs.</summary>
    public int? Runs { get; init; }

    /// <summary>Random search: seed of the draws (default 1), so a sweep is repeatable.</summary>
    public int? Seed { get; init; }

    /// <summary>Report metric the runs are ranked by (default: the kind's held-out figure).</summary>
    public string? RankBy { get; init; }

    /// <summary>"min" (default) or "max": which end of <see cref="RankBy"/> is best.</summary>
    public string? Goal { get; init; }

    /// <summary>"best" (default): publish the best run; "all": every finished run as a version, the best last (so it is latest).</summary>
    public string? Publish { get; init; }
}

/// <summary>A random-search range.</summary>
public sealed record SweepRange
{
    /// <summary>Smallest value.</summary>
    public double? Min { get; init; }

    /// <summary>Largest value.</summary>
    public double? Max { get; init; }

    /// <summary>Draw uniformly in log space (learning rates, weights).</summary>
    public bool Log { get; init; }
}

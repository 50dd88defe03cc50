namespace GenWorld.Host.Kiosk;

/// <summary>How a <see cref="KioskSupervisor"/> restarts a world and reports; <see cref="Errors"/> names every bad field.</summary>
public sealed record KioskOptions
{
    /// <summary>Heartbeat/status JSON, rewritten atomically every <see cref="HeartbeatEvery"/> (null: none).</summary>
    public string? StatusFile { get; init; }

    /// <summary>How often the status file is rewritten.</summary>
    public TimeSpan HeartbeatEvery { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Soak figures, one CSV row every <see cref="SoakEvery"/> (null: none).</summary>
    public string? SoakCsv { get; init; }

    /// <summary>How often a soak row is written.</summary>
    public TimeSpan SoakEvery { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Restart after a fault (a kiosk); false: record the fault in the status file and let it end the run.</summary>
    public bool Restart { get; init; } = true;

    /// <summary>Wait before the first restart; doubled after each failure in a row, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between restarts (a model that stays broken is retried this often).</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A world that ran this long before failing was healthy: the backoff starts again from the first wait.</summary>
    public TimeSpan HealthyAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Rehearsal: each world throws once its clock passes this many seconds, so the restart path can be watched on purpose
    /// (<c>--inject-fault-every</c>); null: never.
    /// </summary>
    public double? InjectFaultEvery { get; init; }

    /// <summary>The option that is wrong and why, one line each.</summary>
    public IEnumerable<string> Errors()
    {
        if (HeartbeatEvery <= TimeSpan.Zero) yield return $"HeartbeatEvery {HeartbeatEvery}: must be positive.";
        if (SoakEvery <= TimeSpan.Zero) yield return $"--soak-every {SoakEvery.TotalSeconds}: must be positive.";
        if (FirstBackoff < TimeSpan.Zero || MaxBackoff < FirstBackoff) yield return $"backoff {FirstBackoff}..{MaxBackoff}: must be 0 or more and in order.";
        if (InjectFaultEvery is double f && !(f > 0)) yield return $"--inject-fault-every {f}: must be above 0 seconds.";
    }
}

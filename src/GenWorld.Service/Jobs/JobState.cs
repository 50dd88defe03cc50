namespace GenWorld.Service.Jobs;

/// <summary>Where a job is in its life. Queued and Running survive a restart (a Running one resumes from its checkpoint).</summary>
public enum JobState
{
    /// <summary>Waiting for a worker slot.</summary>
    Queued,

    /// <summary>Training (or exporting) now, or interrupted by a crash and waiting to resume.</summary>
    Running,

    /// <summary>Trained and published.</summary>
    Succeeded,

    /// <summary>Stopped by an error (the message says why).</summary>
    Failed,

    /// <summary>Cancelled by a DELETE.</summary>
    Cancelled,
}

/// <summary>State helpers.</summary>
public static class JobStates
{
    /// <summary>True once nothing more will happen to the job.</summary>
    public static bool IsTerminal(this JobState state) => state is JobState.Succeeded or JobState.Failed or JobState.Cancelled;
}

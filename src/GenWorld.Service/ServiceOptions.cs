namespace GenWorld.Service;

/// <summary>How <c>genworld serve</c> is bound, where it reads data and writes models and state, and its limits. Validate before use.</summary>
public sealed record ServiceOptions
{
    /// <summary>Default address: loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Addresses to listen on (port 0 picks a free port).</summary>
    public IReadOnlyList<string> Urls { get; init; } = [DefaultUrl];

    /// <summary>Datasets must live under this folder; requests name them relative to it.</summary>
    public string DataRoot { get; init; } = "content";

    /// <summary>Published models go to &lt;ModelsRoot&gt;/&lt;name&gt;/&lt;version&gt;/.</summary>
    public string ModelsRoot { get; init; } = "models";

    /// <summary>Job queue and run folders (checkpoints, previews, reports).</summary>
    public string StateRoot { get; init; } = "runs/service";

    /// <summary>Bearer token every request must carry; required when listening beyond loopback.</summary>
    public string? Token { get; init; }

    /// <summary>Jobs trained at once (1 on a CPU machine: they share the cores).</summary>
    public int MaxConcurrentJobs { get; init; } = 1;

    /// <summary>Jobs that may wait in the queue; a submission beyond it gets 429.</summary>
    public int MaxQueuedJobs { get; init; } = 64;

    /// <summary>Largest request body accepted, in bytes.</summary>
    public long MaxBodyBytes { get; init; } = 64 * 1024;

    /// <summary>Wall-clock time between checkpoints of a job (a job may also ask for one every N steps).</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Wall-clock time between previews (WAV/PNG) of a job.</summary>
    public TimeSpan PreviewInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>libtorch threads per job.</summary>
    public int TorchThreads { get; init; } = 1;

    /// <summary>Where jobs train: in this process (local) or as Slurm jobs (slurm, configured by <see cref="Slurm"/>).</summary>
    public Executors.ExecutorKind Executor { get; init; } = Executors.ExecutorKind.Local;

    /// <summary>The Slurm executor's settings (used when <see cref="Executor"/> is slurm).</summary>
    public Executors.SlurmSettings Slurm { get; init; } = new();

    /// <summary>Problems, each naming the option; empty when the service may start.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Urls.Count == 0) errors.Add("--urls: give at least one address.");
        foreach (string url in Urls)
        {
            if (!BindAddress.TryParse(url, out bool loopback, out string? problem)) errors.Add($"--urls: {problem}");
            else if (!loopback && string.IsNullOrEmpty(Token))
                errors.Add($"--urls: {url} is reachable from other machines; give --token (or GENWORLD_TOKEN) so every request must carry it, or bind to 127.0.0.1.");
        }
        if (Token is { Length: > 0 and < 16 }) errors.Add("--token: use at least 16 characters.");
        if (!Directory.Exists(DataRoot)) errors.Add($"--data: {Path.GetFullPath(DataRoot)} does not exist.");
        if (MaxConcurrentJobs is < 1 or > 16) errors.Add($"--jobs: must be between 1 and 16, got {MaxConcurrentJobs}.");
        if (MaxQueuedJobs is < 1 or > 100_000) errors.Add($"--max-queued: must be between 1 and 100000, got {MaxQueuedJobs}.");
        if (MaxBodyBytes is < 1024 or > 16 << 20) errors.Add($"maxBodyBytes: must be between 1 KiB and 16 MiB, got {MaxBodyBytes}.");
        if (CheckpointInterval <= TimeSpan.Zero) errors.Add("--checkpoint-seconds: must be positive.");
        if (PreviewInterval <= TimeSpan.Zero) errors.Add("previewInterval: must be positive.");
        if (TorchThreads < 1) errors.Add($"torchThreads: must be >= 1, got {TorchThreads}.");
        if (Executor == Executors.ExecutorKind.Slurm) errors.AddRange(Slurm.Validate());
        return errors;
    }
}

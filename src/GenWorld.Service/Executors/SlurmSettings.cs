using System.Text.RegularExpressions;

namespace GenWorld.Service.Executors;

/// <summary>
/// How <c>genworld serve --executor slurm</c> hands jobs to a Slurm cluster. The job directory and the data root must be
/// on a filesystem the compute nodes mount at the same path, and <see cref="ToolsCommand"/> must run there.
/// </summary>
public sealed partial record SlurmSettings
{
    /// <summary>Partition (<c>sbatch --partition</c>); null: the cluster's default.</summary>
    public string? Partition { get; init; }

    /// <summary>Account to charge (<c>sbatch --account</c>); null: the user's default.</summary>
    public string? Account { get; init; }

    /// <summary>GPUs per job (<c>sbatch --gpus</c>); 0 asks for none.</summary>
    public int Gpus { get; init; }

    /// <summary>Time limit per job in Slurm's format ("30", "2:00:00", "1-00:00:00"); null: the partition's. A job that hits it resumes from its checkpoint in a new job.</summary>
    public string? TimeLimit { get; init; }

    /// <summary>Shared folder for job scripts, specs, dataset copies and run folders; null: the service's jobs folder (then the state root must be shared).</summary>
    public string? JobDir { get; init; }

    /// <summary>The command that runs <c>genworld-tools</c> on a node (e.g. "/opt/genworld/genworld-tools"); null: this executable.</summary>
    public IReadOnlyList<string>? ToolsCommand { get; init; }

    /// <summary>slurm.conf to use (SLURM_CONF for the Slurm commands); null: the cluster's usual one (/etc/slurm/slurm.conf).</summary>
    public string? ConfFile { get; init; }

    /// <summary>How often squeue is asked and the job's progress file read.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Times a job that ended without an outcome (killed, node lost, time limit) is resubmitted without its checkpoint moving on.</summary>
    public int MaxResubmits { get; init; } = 3;

    /// <summary>Cluster jobs the service tracks at once; more wait in the service's queue.</summary>
    public int MaxTracked { get; init; } = 32;

    /// <summary>Problems, each naming the option.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Partition is not null && !SlurmName().IsMatch(Partition)) errors.Add($"--slurm-partition: '{Partition}' is not a partition name (letters, digits, '_', '-', '.').");
        if (Account is not null && !SlurmName().IsMatch(Account)) errors.Add($"--slurm-account: '{Account}' is not an account name (letters, digits, '_', '-', '.').");
        if (Gpus is < 0 or > 64) errors.Add($"--slurm-gpus: must be between 0 and 64, got {Gpus}.");
        if (TimeLimit is not null && !TimeFormat().IsMatch(TimeLimit)) errors.Add($"--slurm-time: '{TimeLimit}' is not a Slurm time (minutes, H:MM:SS or D-HH:MM:SS).");
        if (ConfFile is not null && !File.Exists(ConfFile)) errors.Add($"--slurm-conf: {Path.GetFullPath(ConfFile)} does not exist.");
        if (ToolsCommand is { Count: 0 }) errors.Add("--slurm-tools: give the command that runs genworld-tools on the nodes.");
        if (PollInterval <= TimeSpan.Zero) errors.Add("pollInterval: must be positive.");
        if (MaxResubmits is < 0 or > 100) errors.Add($"maxResubmits: must be between 0 and 100, got {MaxResubmits}.");
        if (MaxTracked is < 1 or > 10_000) errors.Add($"--slurm-max-jobs: must be between 1 and 10000, got {MaxTracked}.");
        return errors;
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex SlurmName();

    [GeneratedRegex(@"^(\d+-)?\d+(:\d{1,2}){0,2}$")]
    private static partial Regex TimeFormat();
}

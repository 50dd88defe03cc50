using System.Text;
using System.Text.Json;
using GenWorld.Core.IO;

namespace GenWorld.Service.Executors;

/// <summary>
/// A job's folder on the shared filesystem: job.sh (the sbatch script), specs/&lt;k&gt;.json (one per run), dataset/ (the
/// job's confined copy), slurm.json (the cluster jobs submitted so far, so a restarted service finds them again), the
/// run folder(s) and the Slurm output logs. A single job's run folder is the service's own run folder, so previews,
/// curves and publishing read it as they read a local job's.
/// </summary>
internal sealed class SlurmJobFolder
{
    public SlurmJobFolder(string jobDirRoot, string id, string serviceRunDir)
    {
        Dir = Path.Combine(Path.GetFullPath(jobDirRoot), id);
        RunDir = Path.Combine(Dir, "run");
        Directory.CreateDirectory(Path.Combine(Dir, "specs"));
        // With a separate --slurm-job-dir the service's run folder is a link to the shared one (previews resolve it).
        if (Path.GetFullPath(serviceRunDir) != RunDir && !Path.Exists(serviceRunDir))
        {
            Directory.CreateDirectory(RunDir);
            Directory.CreateDirectory(Path.GetDirectoryName(serviceRunDir)!);
            Directory.CreateSymbolicLink(serviceRunDir, RunDir);
        }
    }

    /// <summary>The job's shared folder.</summary>
    public string Dir { get; }

    /// <summary>The job's run folder (a sweep's runs go to runs/&lt;k&gt; inside it).</summary>
    public string RunDir { get; }

    /// <summary>The sbatch script.</summary>
    public string Script => Path.Combine(Dir, "job.sh");

    /// <summary>Run folder of run <paramref name="index"/>: the job's own for a single job.</summary>
    public string RunDirOf(int index, bool sweep) => sweep ? Path.Combine(RunDir, "runs", index.ToString(System.Globalization.CultureInfo.InvariantCulture)) : RunDir;

    /// <summary>Spec file of run <paramref name="index"/>.</summary>
    public string SpecOf(int index) => Path.Combine(Dir, "specs", $"{index}.json");

    /// <summary>What has been submitted so far.</summary>
    public SlurmSubmissions LoadSubmissions()
    {
        string path = Path.Combine(Dir, "slurm.json");
        return File.Exists(path) ? JsonSerializer.Deserialize<SlurmSubmissions>(File.ReadAllText(path), RunSpec.Json) ?? new() : new();
    }

    /// <summary>Records the submissions atomically (before anything waits on them).</summary>
    public void Save(SlurmSubmissions submissions) =>
        AtomicFile.WriteAllText(Path.Combine(Dir, "slurm.json"), JsonSerializer.Serialize(submissions, RunSpec.Json));

    /// <summary>
    /// Writes job.sh: every run is an element of an array job whose index picks its spec. --requeue lets Slurm restart it
    /// after a node failure or preemption; the trainer then resumes from the run's newest checkpoint.
    /// </summary>
    public void WriteScript(string jobId, SlurmSettings slurm, IReadOnlyList<string> tools, int cpus)
    {
        var s = new StringBuilder("#!/bin/bash\n");
        s.Append($"#SBATCH --job-name=genworld-{jobId}\n");
        s.Append($"#SBATCH --output={Path.Combine(Dir, "slurm-%A_%a.out")}\n");
        s.Append("#SBATCH --open-mode=append\n#SBATCH --requeue\n");
        s.Append($"#SBATCH --cpus-per-task={cpus}\n");
        if (slurm.Partition is not null) s.Append($"#SBATCH --partition={slurm.Partition}\n");
        if (slurm.Account is not null) s.Append($"#SBATCH --account={slurm.Account}\n");
        if (slurm.Gpus > 0) s.Append($"#SBATCH --gpus={slurm.Gpus}\n");
        if (slurm.TimeLimit is not null) s.Append($"#SBATCH --time={slurm.TimeLimit}\n");
        s.Append("# One run of the job: train its spec, resuming from the run folder's newest checkpoint when there is one.\n");
        s.Append("exec ").Append(string.Join(' ', tools.Select(Quote))).Append(" train spec --spec ")
         .Append(Quote(Path.Combine(Dir, "specs"))).Append("/\"${SLURM_ARRAY_TASK_ID:-0}.json\"\n");
        AtomicFile.WriteAllText(Script, s.ToString());
    }

    // Single quotes keep every character literal in bash; a single quote inside is closed, escaped and reopened.
    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}

/// <summary>The contents of slurm.json: every cluster job submitted for this service job, and each run's resubmissions.</summary>
internal sealed record SlurmSubmissions
{
    /// <summary>Slurm job ids, oldest first.</summary>
    public List<string> JobIds { get; init; } = [];

    /// <summary>Per run: resubmissions since its checkpoint last moved on.</summary>
    public Dictionary<int, int> StalledResubmits { get; init; } = [];

    /// <summary>Per run: the checkpoint step at its last resubmission.</summary>
    public Dictionary<int, long> LastCheckpointStep { get; init; } = [];
}

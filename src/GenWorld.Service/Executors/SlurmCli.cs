using System.Diagnostics;
using System.Globalization;

namespace GenWorld.Service.Executors;

/// <summary>
/// The Slurm commands the executor uses (sbatch, squeue, scancel, sacct), run as child processes with their arguments
/// passed one by one (no shell). They read the cluster from slurm.conf like any user's commands (--slurm-conf: that file).
/// </summary>
internal sealed class SlurmCli(string? confFile)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    // Everything else squeue shows (PENDING, RUNNING, COMPLETING, REQUEUED, SUSPENDED, ...) still counts as alive.
    private static readonly HashSet<string> Ended = new(StringComparer.Ordinal)
    {
        "COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL", "OUT_OF_MEMORY", "PREEMPTED", "BOOT_FAIL", "DEADLINE", "REVOKED",
    };

    /// <summary>Submits <paramref name="script"/> as an array job over <paramref name="indices"/> ("0-3" or "1,3"); returns the job id.</summary>
    /// <exception cref="SlurmException">sbatch refused or is missing.</exception>
    public string Submit(string script, string indices)
    {
        string output = Run("sbatch", ["--parsable", $"--array={indices}", script]).Trim();
        string id = output.Split(';')[0].Trim();
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            throw new SlurmException($"sbatch answered '{output}', not a job id.");
        return id;
    }

    /// <summary>
    /// The state of every element of job <paramref name="id"/> squeue still knows (e.g. "1_0", RUNNING, "None"; "1_0",
    /// PENDING, "BeginTime" after a requeue), empty once Slurm has forgotten the job (MinJobAge after it ended).
    /// </summary>
    public IReadOnlyList<SlurmTask> Query(string id)
    {
        string output;
        try
        {
            output = Run("squeue", ["-h", "-t", "all", "-j", id, "-o", "%i|%T|%r"]);
        }
        catch (SlurmException e) when (e.Message.Contains("Invalid job id", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('|'))
            .Where(parts => parts.Length == 3)
            .Select(parts => new SlurmTask(parts[0], parts[1], parts[2], !Ended.Contains(parts[1])))];
    }

    /// <summary>True while any element of job <paramref name="id"/> is pending, running or being requeued.</summary>
    public bool IsAlive(string id) => Query(id).Any(t => t.Alive);

    /// <summary>
    /// How the elements of job <paramref name="id"/> ended, from the accounting database (sacct), for the job's log; null when
    /// the cluster keeps no accounting (then squeue and the run's own files are the record).
    /// </summary>
    public string? Accounting(string id)
    {
        try
        {
            string output = Run("sacct", ["-n", "-P", "-X", "-j", id, "-o", "JobID,State,ExitCode"]).Trim();
            return output.Length == 0 ? null : string.Join(", ", output.Split('\n', StringSplitOptions.TrimEntries));
        }
        catch (SlurmException)
        {
            return null;
        }
    }

    /// <summary>Cancels job <paramref name="id"/> (every element); Slurm sends SIGTERM, so a trainer checkpoints first.</summary>
    public void Cancel(string id) => Run("scancel", [id]);

    private string Run(string command, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in arguments) info.ArgumentList.Add(a);
        if (confFile is not null) info.Environment["SLURM_CONF"] = Path.GetFullPath(confFile);
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new SlurmException($"{command} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new SlurmException($"{command} cannot be run ({e.Message}); install the Slurm client commands (Debian: slurm-client) on this machine.");
        }
        using (process)
        {
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new SlurmException($"{command} did not answer in {Timeout.TotalSeconds:0} s (is slurmctld reachable?).");
            }
            process.WaitForExit();
            string error = stderr.GetAwaiter().GetResult().Trim();
            if (process.ExitCode != 0)
                throw new SlurmException($"{command} {string.Join(' ', arguments)} failed (exit {process.ExitCode}): {(error.Length > 0 ? error : "no message")}");
            return stdout.GetAwaiter().GetResult();
        }
    }
}

/// <summary>One element of a Slurm job as squeue shows it.</summary>
/// <param name="Task">Job id, with the array index ("12_3").</param>
/// <param name="State">PENDING, RUNNING, COMPLETED, ...</param>
/// <param name="Reason">Why it waits or ended ("Resources", "BeginTime", "None").</param>
/// <param name="Alive">Not in an ended state.</param>
internal sealed record SlurmTask(string Task, string State, string Reason, bool Alive);

/// <summary>A Slurm command failed; the message names the command and carries its own words.</summary>
public sealed class SlurmException(string message) : Exception(message);

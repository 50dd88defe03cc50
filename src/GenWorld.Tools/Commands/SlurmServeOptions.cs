using System.CommandLine;
using GenWorld.Service.Executors;

namespace GenWorld.Cli.Commands;

/// <summary>The options of `genworld serve` that choose where jobs train (--executor) and how Slurm jobs are requested.</summary>
internal sealed class SlurmServeOptions
{
    public Option<ExecutorKind> Kind { get; } = new("--executor") { Description = "local: train in this process (default); slurm: submit each job (and each sweep, as an array job) to a Slurm cluster with sbatch.", DefaultValueFactory = _ => ExecutorKind.Local };
    public Option<string?> Partition { get; } = new("--slurm-partition") { Description = "Slurm partition (default: the cluster's)." };
    public Option<string?> Account { get; } = new("--slurm-account") { Description = "Slurm account to charge (default: yours)." };
    public Option<int> Gpus { get; } = new Option<int>("--slurm-gpus") { Description = "GPUs per job (sbatch --gpus); 0: CPU only.", DefaultValueFactory = _ => 0 }.Between(0, 64);
    public Option<string?> Time { get; } = new("--slurm-time") { Description = "Time limit per Slurm job (e.g. 30, 2:00:00); a job that hits it is resubmitted and resumes from its checkpoint." };
    public Option<string?> JobDir { get; } = new("--slurm-job-dir") { Description = "Shared folder the nodes mount at the same path, for job scripts, dataset copies and run folders (default: <state>/jobs, which must then be shared)." };
    public Option<string?> Tools { get; } = new("--slurm-tools") { Description = "Command that runs genworld-tools on a node, e.g. /opt/genworld/genworld-tools or \"dotnet /opt/genworld/genworld-tools.dll\" (default: this executable)." };
    public Option<string?> Conf { get; } = new("--slurm-conf") { Description = "slurm.conf for the Slurm commands (default: the cluster's, /etc/slurm/slurm.conf or SLURM_CONF)." };
    public Option<int> MaxJobs { get; } = new Option<int>("--slurm-max-jobs") { Description = "Slurm jobs followed at once; more wait in the service's queue.", DefaultValueFactory = _ => 32 }.Between(1, 10_000);

    public void AddTo(Command command)
    {
        foreach (Option o in new Option[] { Kind, Partition, Account, Gpus, Time, JobDir, Tools, Conf, MaxJobs }) command.Options.Add(o);
    }

    public ExecutorKind Executor(ParseResult parse) => parse.GetValue(Kind);

    public SlurmSettings Settings(ParseResult parse) => new()
    {
        Partition = parse.GetValue(Partition), Account = parse.GetValue(Account), Gpus = parse.GetValue(Gpus), TimeLimit = parse.GetValue(Time),
        JobDir = parse.GetValue(JobDir), ConfFile = parse.GetValue(Conf), MaxTracked = parse.GetValue(MaxJobs),
        ToolsCommand = parse.GetValue(Tools) is { } tools ? tools.Split(' ', StringSplitOptions.RemoveEmptyEntries) : null,
    };
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace GenWorld.Service.Tests.Slurm;

/// <summary>
/// A real one-node Slurm cluster on loopback for the tests, from Debian's packages (slurmctld, slurmd, munge; listed in
/// build/system-packages.txt): a munge key, slurm.conf and every state, spool, log and pid file are generated into a temp
/// folder, and munged + slurmctld + slurmd are started from it; the service is pointed at it with --slurm-conf (SLURM_CONF
/// for its sbatch/squeue/scancel). No system file is touched. Dispose cancels what is left and stops the daemons by pid.
/// </summary>
public sealed class SlurmCluster : IDisposable
{
    private static readonly string[] Programs = ["/usr/sbin/munged", "/usr/sbin/slurmctld", "/usr/sbin/slurmd", "/usr/bin/sbatch", "/usr/bin/squeue", "/usr/bin/scancel", "/usr/bin/sinfo", "/usr/bin/scontrol"];

    /// <summary>Why the cluster cannot start here (a missing program), or null.</summary>
    public static string? MissingReason { get; } = Programs.FirstOrDefault(p => !File.Exists(p)) is { } missing
        ? $"{missing} is not installed (Debian packages slurmctld, slurmd, slurm-client, munge; ./genworld test installs build/system-packages.txt as root)."
        : null;

    public SlurmCluster()
    {
        if (MissingReason is not null) return;
        Dir = Directory.CreateTempSubdirectory("gw-slurm-").FullName;
        // munged refuses a socket folder others cannot traverse to; the key must be readable by its owner only.
        if (OperatingSystem.IsWindows()) return; // unreachable: MissingReason is set there
        File.SetUnixFileMode(Dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        foreach (string sub in new[] { "state", "spool" }) Directory.CreateDirectory(Path.Combine(Dir, sub));
        string key = Path.Combine(Dir, "munge.key");
        File.WriteAllBytes(key, RandomNumberGenerator.GetBytes(1024));
        File.SetUnixFileMode(key, UnixFileMode.UserRead);
        string socket = Path.Combine(Dir, "munge.socket");
        Start("/usr/sbin/munged", "--force", $"--socket={socket}", $"--key-file={key}", $"--log-file={P("munged.log")}", $"--pid-file={P("munged.pid")}", $"--seed-file={P("munged.seed")}");
        string host = Dns.GetHostName().Split('.')[0];
        File.WriteAllText(Conf, $"""
            ClusterName=gwtest
            SlurmctldHost={host}(127.0.0.1)
            SlurmctldPort={FreePort()}
            SlurmdPort={FreePort()}
            AuthType=auth/munge
            AuthInfo=socket={socket}
            CredType=cred/munge
            SlurmUser=root
            SlurmdUser=root
            StateSaveLocation={P("state")}
            SlurmdSpoolDir={P("spool")}
            SlurmctldPidFile={P("slurmctld.pid")}
            SlurmdPidFile={P("slurmd.pid")}
            SlurmctldLogFile={P("slurmctld.log")}
            SlurmdLogFile={P("slurmd.log")}
            ProctrackType=proctrack/linuxproc
            TaskPlugin=task/none
            SelectType=select/cons_tres
            SelectTypeParameters=CR_CPU
            SchedulerType=sched/builtin
            SwitchType=switch/none
            MpiDefault=none
            JobCompType=jobcomp/none
            AccountingStorageType=accounting_storage/none
            JobAcctGatherType=jobacct_gather/none
            ReturnToService=2
            JobRequeue=1
            MinJobAge=600
            NodeName={host} NodeAddr=127.0.0.1 CPUs=2 State=UNKNOWN
            PartitionName={Partition} Nodes=ALL Default=YES MaxTime=INFINITE State=UP
            """);
        Start("/usr/sbin/slurmctld", "-i");
        Start("/usr/sbin/slurmd");
        WaitIdle();
    }

    /// <summary>The partition every test job runs in.</summary>
    public const string Partition = "gwtest";

    /// <summary>The cluster's folder (config, logs, state).</summary>
    public string Dir { get; } = "";

    /// <summary>slurm.conf.</summary>
    public string Conf => P("slurm.conf");

    /// <summary>Runs scontrol against this cluster; returns its exit code and output.</summary>
    public (int Code, string Output) Control(params string[] arguments)
    {
        string output = Capture("/usr/bin/scontrol", arguments, out int code);
        return (code, output);
    }

    /// <summary>The daemons' logs, for a failure message.</summary>
    public string Logs() => string.Join("\n", new[] { "slurmctld.log", "slurmd.log" }.Where(f => File.Exists(P(f))).Select(f => $"--- {f}\n" + string.Join("\n", File.ReadLines(P(f)).TakeLast(15))));

    private string P(string name) => Path.Combine(Dir, name);

    private void WaitIdle()
    {
        var clock = Stopwatch.StartNew();
        string state = "";
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            state = Capture("/usr/bin/sinfo", "-h", "-p", Partition, "-o", "%T").Trim();
            if (state is "idle" or "mixed" or "allocated") return;
            Thread.Sleep(250);
        }
        throw new InvalidOperationException($"the test cluster's node is '{state}', not idle, after 60 s:\n{Logs()}");
    }

    private void Start(string program, params string[] arguments)
    {
        // Each daemon forks into the background and its starter exits 0 once it is up.
        string output = Capture(program, arguments, out int code);
        if (code != 0) throw new InvalidOperationException($"{program} exited with {code}: {output}");
    }

    private string Capture(string program, params string[] arguments) => Capture(program, arguments, out _);

    private string Capture(string program, string[] arguments, out int code)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.Environment["SLURM_CONF"] = Conf;
        foreach (string a in arguments) info.ArgumentList.Add(a);
        using Process process = Process.Start(info)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        code = process.ExitCode;
        return output + error.GetAwaiter().GetResult();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        if (MissingReason is not null) return;
        Capture("/usr/bin/scancel", "-p", Partition);
        Thread.Sleep(1000);
        foreach (string pidFile in new[] { "slurmd.pid", "slurmctld.pid", "munged.pid" })
            Stop(P(pidFile));
        try { Directory.Delete(Dir, recursive: true); }
        catch (IOException) { /* a job's process may still hold a file for a moment; the temp folder is left */ }
    }

    private void Stop(string pidFile)
    {
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile).Trim(), out int pid)) return;
        try
        {
            using Process daemon = Process.GetProcessById(pid);
            Capture("/bin/kill", "-s", "TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)); // lets slurmctld save its state
            if (!daemon.WaitForExit(10_000)) daemon.Kill();
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
    }
}

/// <summary>A test that needs the one-node Slurm cluster: skipped, saying which program is missing, where Slurm is not installed.</summary>
public sealed class SlurmFactAttribute() : global::GenWorld.Tests.Shared.ExternalProgramFactAttribute(SlurmCluster.MissingReason);

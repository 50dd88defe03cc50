using System.Diagnostics;

namespace GenWorld.Service.Tests.Slurm;

/// <summary>Finds the trainer a Slurm job started on the (local) node, by its command line naming the job's spec folder.</summary>
internal static class TrainerProcess
{
    public static int? Find(string jobId)
    {
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid)) continue;
            try
            {
                string[] args = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
                if (args.Contains("spec") && args.Any(a => a.Contains(jobId, StringComparison.Ordinal) && a.EndsWith(".json", StringComparison.Ordinal)))
                    return pid;
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to read.
            }
        }
        return null;
    }

    /// <summary>SIGKILL: what a node's OOM killer or a crash does; no checkpoint, no outcome.</summary>
    public static void Kill(int pid)
    {
        using Process process = Process.GetProcessById(pid);
        process.Kill();
        process.WaitForExit(10_000);
    }
}

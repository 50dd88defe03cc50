using System.Diagnostics;
using System.Globalization;

namespace GenWorld.Training.Runs;

/// <summary>
/// One run per output folder: &lt;out&gt;/run.lock holds the pid of the process training into it. Two runs on one
/// folder would overwrite each other's checkpoints, so a second one is refused while that process lives; the lock of a
/// process that died (kill -9, a crash) is stale and taken over.
/// </summary>
public sealed class RunLock : IDisposable
{
    private const string FileName = "run.lock";
    private readonly string _path;

    private RunLock(string path) => _path = path;

    /// <summary>Takes the lock of <paramref name="outDir"/>.</summary>
    /// <exception cref="TrainingException">Another live process holds it.</exception>
    public static RunLock Acquire(string outDir)
    {
        Directory.CreateDirectory(outDir);
        string path = Path.Combine(outDir, FileName);
        for (int attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
                using (var writer = new StreamWriter(file))
                    writer.Write(Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
                return new RunLock(path);
            }
            catch (IOException) when (File.Exists(path))
            {
                int? owner = Owner(path);
                if (owner is null && DateTime.UtcNow - File.GetLastWriteTimeUtc(path) < TimeSpan.FromSeconds(5))
                    throw new TrainingException($"{outDir} is already being trained: another run is starting on it. Choose another --out.");
                if (owner is { } pid && IsAlive(pid))
                    throw new TrainingException($"{outDir} is already being trained: already running (pid {pid}). Wait for it to finish or stop it, or choose another --out.");
                // Stale: its process is gone. Remove it and race for a fresh one (CreateNew lets exactly one winner through).
                File.Delete(path);
            }
        }
        throw new TrainingException($"{path}: could not take the run lock (another run keeps taking it).");
    }

    /// <inheritdoc />
    public void Dispose() => File.Delete(_path);

    private static int? Owner(string path)
    {
        try
        {
            return int.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static bool IsAlive(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}

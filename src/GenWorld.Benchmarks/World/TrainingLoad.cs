using System.Diagnostics;

namespace GenWorld.Benchmarks.World;

/// <summary>
/// A real training job as the load: <c>./genworld train sound-vae</c> on the notes fixtures, two libtorch threads, in
/// its own process, at the nice value it would choose itself (<c>--nice</c>). Ready once its first checkpoint is on disk
/// and it has trained a few seconds more; killed (with its process tree) on dispose.
/// </summary>
internal sealed class TrainingLoad : IDisposable
{
    private readonly Process _process;
    private readonly string _out;

    private TrainingLoad(Process process, string outDir) => (_process, _out) = (process, outDir);

    public static TrainingLoad Start(string repoRoot, int nice, TimeSpan timeout)
    {
        string outDir = Path.Combine(Path.GetTempPath(), $"genworld-bench-load-{Environment.ProcessId}-{nice}");
        if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
        var info = new ProcessStartInfo(Path.Combine(repoRoot, "genworld"),
            ["train", "sound-vae", "--decoder", "spectrogram", "--dataset", Path.Combine(repoRoot, "content", "fixtures", "notes"), "--steps", "100000000", "--threads", "2",
             "--nice", nice.ToString(System.Globalization.CultureInfo.InvariantCulture), "--checkpoint-minutes", "60", "--out", outDir])
        { WorkingDirectory = repoRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        var process = Process.Start(info) ?? throw new BenchmarkUnavailableException("could not start ./genworld train");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var load = new TrainingLoad(process, outDir);
        var wait = Stopwatch.StartNew();
        while (!Directory.Exists(Path.Combine(outDir, "checkpoints")) || !Directory.EnumerateFileSystemEntries(Path.Combine(outDir, "checkpoints")).Any())
        {
            if (process.HasExited || wait.Elapsed > timeout)
            {
                load.Dispose();
                throw new BenchmarkUnavailableException($"the training load did not start within {timeout.TotalSeconds:F0} s");
            }
            Thread.Sleep(200);
        }
        Thread.Sleep(3000);   // past the first checkpoint: steps are running
        return load;
    }

    /// <summary>CPU seconds the training process used so far (its own threads).</summary>
    public double CpuSeconds
    {
        get
        {
            try { _process.Refresh(); return _process.TotalProcessorTime.TotalSeconds; }
            catch (InvalidOperationException) { return double.NaN; }
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        _process.Dispose();
        try { Directory.Delete(_out, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using GenWorld.Core.Native;

namespace GenWorld.Rendering.Tests;

/// <summary>
/// Gives windowed tests a display: the real one when DISPLAY is set, else an Xvfb started on a free display number
/// (on first use only, so headless tests pay nothing), killed and DISPLAY restored when the collection ends.
/// </summary>
public sealed partial class XvfbFixture : IDisposable
{
    private const int FirstDisplay = 90;
    private const int SigTerm = 15;
    private readonly ConcurrentQueue<string> _stderr = new();
    private Process? _xvfb;
    private string? _display;
    private string? _previousDisplay;

    /// <summary>The DISPLAY to use, starting Xvfb if needed. Fails (never skips) when Xvfb cannot start.</summary>
    public string EnsureDisplay()
    {
        if (_display is not null) return _display;
        string? existing = Libc.GetEnv("DISPLAY");
        if (!string.IsNullOrEmpty(existing)) return _display = existing;

        var failures = new List<string>();
        for (int n = FirstDisplay + (Environment.ProcessId % 50); failures.Count < 5; n++)
        {
            if (File.Exists($"/tmp/.X11-unix/X{n}") || File.Exists($"/tmp/.X{n}-lock")) continue;
            if (TryStart(n, out string? why))
            {
                _previousDisplay = existing;
                _display = $":{n}";
                Libc.SetEnv("DISPLAY", _display);
                return _display;
            }
            failures.Add($":{n}: {why}");
        }
        throw new InvalidOperationException(
            "DISPLAY is unset and Xvfb could not start, so the windowed test cannot run " +
            $"(install xvfb: sudo apt-get install xvfb). Attempts: {string.Join("; ", failures)}");
    }

    [LibraryImport("libc.so.6", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);

    public void Dispose()
    {
        if (_xvfb is null) return;
        Stop(_xvfb);
        _xvfb.Dispose();
        if (_previousDisplay is null) Libc.UnsetEnv("DISPLAY");
        else Libc.SetEnv("DISPLAY", _previousDisplay);
    }

    /// <summary>SIGTERM first: Xvfb then removes its socket and lock file, which a SIGKILL (Process.Kill) leaves behind.</summary>
    private static void Stop(Process process)
    {
        if (process.HasExited) return;
        _ = Kill(process.Id, SigTerm);
        if (!process.WaitForExit(3000)) process.Kill();
        process.WaitForExit(2000);
    }

    private bool TryStart(int n, out string? why)
    {
        var info = new ProcessStartInfo("Xvfb", $":{n} -screen 0 1280x720x24 -nolisten tcp")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        Process process;
        try { process = Process.Start(info) ?? throw new InvalidOperationException("Process.Start returned null"); }
        catch (Exception e) { why = $"could not run Xvfb: {e.Message}"; return false; }
        _stderr.Clear();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _stderr.Enqueue(e.Data); };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (File.Exists($"/tmp/.X11-unix/X{n}"))
            {
                _xvfb = process;
                why = null;
                return true;
            }
            if (process.HasExited) break;
            Thread.Sleep(50);
        }
        Stop(process);
        why = process.HasExited && process.ExitCode != 0
            ? $"exited with {process.ExitCode}: {string.Join(" | ", _stderr.TakeLast(3))}"
            : "no socket after 10 s";
        process.Dispose();
        return false;
    }
}

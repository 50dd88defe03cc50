using System.Diagnostics;

namespace GenWorld.Host.Kiosk;

/// <summary>
/// Keeps a world running for days: runs a session, and when it throws (an exception in a frame, a model that fails to
/// load, an audio device that went away) logs one line, waits (1 s, doubling up to 30 s; back to 1 s after a healthy
/// minute) and starts a fresh one. A session that returns ends the supervisor (its time is up, or Ctrl+C). The heartbeat
/// file says at every moment whether the world is running or waiting to restart, and why it last failed. While it runs,
/// the C heap's free pages are handed back once a minute (<see cref="NativeHeapTrimmer"/>).
/// </summary>
public sealed class KioskSupervisor
{
    private readonly KioskOptions _options;
    private readonly Action<string> _log;
    private readonly Stopwatch _uptime = Stopwatch.StartNew();

    /// <summary>A supervisor with <paramref name="options"/>; <paramref name="log"/> gets one line per fault and restart.</summary>
    public KioskSupervisor(KioskOptions options, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        string[] errors = [.. options.Errors()];
        if (errors.Length > 0) throw new ArgumentException(string.Join(" ", errors));
        (_options, _log) = (options, log ?? throw new ArgumentNullException(nameof(log)));
        Status = new KioskStatus(options, _uptime);
    }

    /// <summary>The heartbeat and soak figures.</summary>
    public KioskStatus Status { get; }

    /// <summary>
    /// Runs <paramref name="session"/> until it returns or <paramref name="cancel"/> fires, restarting it after each fault.
    /// The session reports each frame through the <see cref="KioskSession"/> it gets.
    /// </summary>
    public void Run(Action<KioskSession, CancellationToken> session, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        using var trimmer = new NativeHeapTrimmer(TimeSpan.FromMinutes(1));
        TimeSpan backoff = _options.FirstBackoff;
        while (!cancel.IsCancellationRequested)
        {
            var current = new KioskSession(Status, _options.InjectFaultEvery);
            TimeSpan started = _uptime.Elapsed;
            Status.Write(KioskState.Starting);
            try
            {
                session(current, cancel);
                Status.Write(KioskState.Stopped);
                return;
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                TimeSpan ran = _uptime.Elapsed - started;
                if (ran >= _options.HealthyAfter) backoff = _options.FirstBackoff;
                Status.Fault($"{e.GetType().Name}: {e.Message}");
                if (!_options.Restart)
                {
                    Status.Write(KioskState.Stopped);
                    throw;
                }
                _log($"kiosk: the world failed after {ran.TotalSeconds:F1} s and {current.Frames} frames ({e.GetType().Name}: {FirstLine(e.Message)}); " +
                     $"restart {Status.Restarts} in {backoff.TotalSeconds:F1} s");
                Status.Write(KioskState.Restarting);
                cancel.WaitHandle.WaitOne(backoff);
                backoff = TimeSpan.FromTicks(Math.Min(_options.MaxBackoff.Ticks, Math.Max(1, backoff.Ticks * 2)));
            }
        }
        Status.Write(KioskState.Stopped);
    }

    private static string FirstLine(string message)
    {
        int end = message.IndexOf('\n');
        return end < 0 ? message : message[..end];
    }
}

/// <summary>Where a kiosk world is.</summary>
public enum KioskState
{
    /// <summary>Opening a world.</summary>
    Starting,
    /// <summary>Frames are running.</summary>
    Running,
    /// <summary>The world failed; waiting to restart.</summary>
    Restarting,
    /// <summary>Finished (time up or stopped).</summary>
    Stopped,
}

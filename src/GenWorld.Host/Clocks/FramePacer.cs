using System.Diagnostics;

namespace GenWorld.Host.Clocks;

/// <summary>
/// Paces a wall-clock frame loop at a fixed rate, and lets whatever needs the world sooner (an OSC packet, a sound that
/// just arrived for an emitter) wake it for an extra frame in between. Why: with a plain sleep, a pose sent just after a
/// frame waited up to a whole period before the world saw it, and a decoded sound waited up to another before it was
/// heard, so two of a move's four steps were waiting on the clock. Extra frames are at least <see cref="MinGap"/>
/// apart, so a flood of packets costs at most one light frame per gap. The regular beat is kept: an extra frame does
/// not move the next regular one.
/// </summary>
public sealed class FramePacer : IDisposable
{
    private readonly AutoResetEvent _woken = new(false);
    private readonly long _period, _minGap;
    private long _next, _lastStart;
    private bool _lastWasExtra;
    private volatile bool _disposed;

    /// <summary>A pacer for <paramref name="fps"/> regular frames a second; the first frame starts at once.</summary>
    public FramePacer(double fps, TimeSpan? minGap = null)
    {
        if (!(fps is > 0 and <= 1000)) throw new ArgumentOutOfRangeException(nameof(fps), fps, "frames per second must be in (0, 1000].");
        _period = (long)(Stopwatch.Frequency / fps);
        MinGap = minGap ?? TimeSpan.FromMilliseconds(4);
        _minGap = (long)(MinGap.TotalSeconds * Stopwatch.Frequency);
        _next = _lastStart = Stopwatch.GetTimestamp();
    }

    /// <summary>The least time between the starts of two frames when the second is an extra one.</summary>
    public TimeSpan MinGap { get; }

    /// <summary>Extra frames run so far.</summary>
    public long ExtraFrames { get; private set; }

    /// <summary>Stopwatch timestamp at which the pacer released the last frame (what its gap is counted from).</summary>
    public long LastFrameStart => _lastStart;

    /// <summary>Asks for a frame as soon as the gap allows. Any thread; returns at once; harmless after disposal.</summary>
    public void Wake()
    {
        if (_disposed) return;
        try { _woken.Set(); }
        catch (ObjectDisposedException) { }
    }

    /// <summary>
    /// Blocks until the next frame should start: the regular one (returns false) or an extra one that <see cref="Wake"/>
    /// asked for (returns true). Call after each frame's work, on the frame thread.
    /// </summary>
    public bool WaitNext()
    {
        long now = Stopwatch.GetTimestamp();
        if (!_lastWasExtra)
        {
            _next += _period;
            if (now - _next > Stopwatch.Frequency / 4) _next = now;   // far behind: do not sprint to catch up
        }
        while (true)
        {
            now = Stopwatch.GetTimestamp();
            if (now >= _next) return Start(now, extra: false);
            if (!_woken.WaitOne(Ticks(_next - now))) continue;
            long earliest = _lastStart + _minGap;
            if (earliest >= _next)
            {
                // The regular frame comes before the gap allows an extra one; it will see what woke us.
                Thread.Sleep(Ticks(_next - Stopwatch.GetTimestamp()));
                continue;
            }
            // Sleeps are whole milliseconds and may end early; keep sleeping until the gap has truly passed.
            while ((now = Stopwatch.GetTimestamp()) < earliest) Thread.Sleep(Ticks(earliest - now));
            ExtraFrames++;
            return Start(now, extra: true);
        }
    }

    private bool Start(long now, bool extra)
    {
        // What arrived until now is handled by the frame about to run; only later arrivals should wake the next wait.
        _woken.Reset();
        (_lastStart, _lastWasExtra) = (now, extra);
        return extra;
    }

    /// <summary>A wait of at least <paramref name="stopwatchTicks"/>, rounded up to a whole millisecond as the OS waits.</summary>
    private static TimeSpan Ticks(long stopwatchTicks) =>
        TimeSpan.FromMilliseconds(Math.Ceiling(Math.Max(0, stopwatchTicks) * 1000.0 / Stopwatch.Frequency));

    /// <summary>Frees the wait handle; later <see cref="Wake"/> calls do nothing.</summary>
    public void Dispose()
    {
        _disposed = true;
        _woken.Dispose();
    }
}

using System.Diagnostics;

namespace GenWorld.Host.Clocks;

/// <summary>Frame time is the real time since the clock started: for windows, where frames come as fast as they come.</summary>
public sealed class WallClock : IFrameClock
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();

    /// <inheritdoc/>
    public double Now { get; private set; }

    /// <inheritdoc/>
    public double Tick() => Now = _watch.Elapsed.TotalSeconds;
}

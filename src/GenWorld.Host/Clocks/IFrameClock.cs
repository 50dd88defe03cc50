namespace GenWorld.Host.Clocks;

/// <summary>
/// Where a frame's time comes from. The host asks once per frame; a fixed-step clock makes every run (tests, offline
/// renders, benchmarks) frame-exact and repeatable, a wall clock follows real time for a window.
/// </summary>
public interface IFrameClock
{
    /// <summary>Advances to the next frame and returns its time in seconds (0 for the first frame).</summary>
    double Tick();

    /// <summary>The time of the last frame returned by <see cref="Tick"/>.</summary>
    double Now { get; }
}

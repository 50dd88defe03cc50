using GenWorld.Host.Clocks;
using GenWorld.World;

namespace GenWorld.Host.Headless;

/// <summary>What a headless run did.</summary>
/// <param name="Frames">Frames run.</param>
/// <param name="Seconds">Seconds on the run's clock at the end.</param>
/// <param name="FrameTimes">Wall time of each frame's work (no pacing sleep).</param>
/// <param name="OscStats">The OSC counters as one line, or null without OSC input.</param>
/// <param name="Stats">The world's figures at the end.</param>
/// <param name="Underruns">Times the sound ran dry.</param>
public sealed record RunResult(long Frames, double Seconds, FrameTimeHistogram FrameTimes, string? OscStats, WorldStats Stats, AudioUnderruns Underruns);

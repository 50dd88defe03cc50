using System.Diagnostics;
using System.Numerics;
using GenWorld.Host.Clocks;
using GenWorld.Host.Headless;

namespace GenWorld.Benchmarks.World;

/// <summary>
/// Watches a headless run's loopback mix frame by frame: counts silent frames, and once armed with the time a move was
/// sent, records how long it took until the mix that frame rendered was audible (RMS above −60 dBFS). Frame work times
/// are collected while <see cref="Measuring"/>, and with drawing on, the intervals between drawn frames (the picture's
/// frame time, which can be longer than the world's: a regular frame skips drawing while the GL is on the last one).
/// Called on the run's frame thread, read from the benchmark's.
/// </summary>
internal sealed class AudibleProbe
{
    private const double AudibleRms = 1e-3, SilentRms = 1e-4;
    private long _armedAt;
    private int _silentFrames, _port;
    private double _latencyMs = double.NaN, _gcPauseMs, _poseMs = double.NaN;
    private Vector3 _destination;
    private TimeSpan _pausedAtArm;

    public FrameTimeHistogram FrameTimes { get; } = new();

    /// <summary>Milliseconds from one drawn frame to the next while measuring (empty when nothing is drawn).</summary>
    public FrameTimeHistogram DrawnIntervals { get; } = new();

    private long _lastDrawn;

    public volatile bool Measuring;

    public int Port => Volatile.Read(ref _port);

    public int SilentFrames => Volatile.Read(ref _silentFrames);

    /// <summary>
    /// Starts timing from <paramref name="sentAt"/> (a Stopwatch timestamp taken just before the send) of a pose that puts
    /// the listener at <paramref name="destination"/>.
    /// </summary>
    public void Arm(long sentAt, Vector3 destination)
    {
        Volatile.Write(ref _latencyMs, double.NaN);
        Volatile.Write(ref _poseMs, double.NaN);
        _destination = destination;
        _pausedAtArm = GC.GetTotalPauseDuration();
        Volatile.Write(ref _armedAt, sentAt);
    }

    /// <summary>
    /// Milliseconds from the armed send to the first frame that put the listener at the destination (the pose handled:
    /// the new emitters requested), once the move became audible; the rest of <see cref="LatencyMs"/> is the sound's
    /// generation and the frame that started it.
    /// </summary>
    public double PoseMs => Volatile.Read(ref _poseMs);

    /// <summary>The measured latency once the armed move became audible, else NaN.</summary>
    public double LatencyMs => Volatile.Read(ref _latencyMs);

    /// <summary>
    /// Milliseconds the process stood in garbage-collection pauses between the armed send and the audible frame (valid
    /// once <see cref="LatencyMs"/> is): says whether a slow move was the collector's.
    /// </summary>
    public double GcPauseMs => Volatile.Read(ref _gcPauseMs);

    public void OnFrame(RunFrame frame)
    {
        if (frame.Osc?.InputPort is int port) Volatile.Write(ref _port, port);
        if (Measuring && !frame.Extra)
            lock (FrameTimes) FrameTimes.Add(frame.WorkMs);
        if (frame.Drawn)
        {
            long now = Stopwatch.GetTimestamp();
            if (Measuring && _lastDrawn != 0) lock (DrawnIntervals) DrawnIntervals.Add(Stopwatch.GetElapsedTime(_lastDrawn, now).TotalMilliseconds);
            _lastDrawn = now;
        }
        ReadOnlySpan<float> mix = frame.Mix.Span;
        double sum = 0;
        foreach (float s in mix) sum += s * s;
        double rms = mix.Length == 0 ? 0 : Math.Sqrt(sum / mix.Length);
        Volatile.Write(ref _silentFrames, rms < SilentRms ? _silentFrames + 1 : 0);
        long armed = Volatile.Read(ref _armedAt);
        if (armed != 0 && double.IsNaN(_poseMs) && Vector3.Distance(frame.Frame.Pose.Position, _destination) < 0.01f)
            Volatile.Write(ref _poseMs, Stopwatch.GetElapsedTime(armed).TotalMilliseconds);
        if (armed != 0 && rms > AudibleRms)
        {
            Volatile.Write(ref _gcPauseMs, (GC.GetTotalPauseDuration() - _pausedAtArm).TotalMilliseconds);
            Volatile.Write(ref _latencyMs, Stopwatch.GetElapsedTime(armed).TotalMilliseconds);
            Volatile.Write(ref _armedAt, 0);
        }
    }
}

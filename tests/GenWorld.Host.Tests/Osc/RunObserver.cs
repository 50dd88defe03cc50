using System.Numerics;
using GenWorld.Host.Headless;
using GenWorld.World.Emitters;

namespace GenWorld.Host.Tests.Osc;

/// <summary>
/// What a headless run's frame thread saw, copied out each frame so the test thread can read it without touching the
/// world: the OSC port, frames, the pose, and the nearest ready emitter with its content version.
/// </summary>
internal sealed class RunObserver
{
    private readonly object _gate = new();
    private Vector3 _position;
    private (int Id, int Version, Vector3 Position)? _nearestReady;
    private readonly Dictionary<int, int> _versions = [];

    public int Port { get; private set; }

    public long Frames { get; private set; }

    public double MaxWorkMs { get; private set; }

    public Vector3[] Anchors { get; private set; } = [];

    public int LatentSize { get; private set; }

    public Vector3 Position { get { lock (_gate) return _position; } }

    public (int Id, int Version, Vector3 Position)? NearestReady { get { lock (_gate) return _nearestReady; } }

    /// <summary>The content version of emitter <paramref name="id"/> (−1 when it is not tracked).</summary>
    public int VersionOf(int id)
    {
        lock (_gate) return _versions.TryGetValue(id, out int v) ? v : -1;
    }

    public void OnFrame(RunFrame frame)
    {
        lock (_gate)
        {
            if (Anchors.Length == 0) Anchors = [.. frame.World.Anchors.Select(a => a.Position)];
            LatentSize = frame.World.Projection.LatentSize;
            Port = frame.Osc?.InputPort ?? 0;
            Frames++;
            MaxWorkMs = Math.Max(MaxWorkMs, frame.WorkMs);
            _position = frame.Frame.Pose.Position;
            _versions.Clear();
            foreach (Emitter e in frame.World.Emitters) _versions[e.Id] = e.ContentVersion;
            Emitter? ready = frame.World.Emitters.FirstOrDefault(e => e.State == EmitterState.Ready && e.IsAudible);
            _nearestReady = ready is null ? null : (ready.Id, ready.ContentVersion, ready.Position);
        }
    }

    /// <summary>Resets the longest frame (to measure a window).</summary>
    public void ResetMax()
    {
        lock (_gate) MaxWorkMs = 0;
    }
}

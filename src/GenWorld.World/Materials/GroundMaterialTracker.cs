using System.Numerics;
using GenWorld.World.Anchors;
using GenWorld.World.Emitters;
using GenWorld.World.Projection;

namespace GenWorld.World.Materials;

/// <summary>
/// Keeps <see cref="Current"/> on the anchor nearest the listener: when another anchor becomes the nearest, its tile is
/// asked of the texture work (cancelling a request for one passed by on the way), and it becomes current once made.
/// Far from every anchor (beyond <paramref name="reach"/>) the last material stays. Call from the world's thread.
/// </summary>
internal sealed class GroundMaterialTracker(EmitterTextureWork work, MaterialMapping mapping, AnchorSet anchors, LatentProjection projection, float reach) : IDisposable
{
    private GroundMaterial? _arrived;
    private CancellationTokenSource? _pending;
    private int _wanted = -1;

    /// <summary>The ground's material now (null until the first tile is made).</summary>
    public GroundMaterial? Current { get; private set; }

    /// <summary>The request in flight, if any (for offline hosts that wait for content).</summary>
    public Task? InFlight { get; private set; }

    public void Update(Vector3 listener)
    {
        if (Interlocked.Exchange(ref _arrived, null) is { } made && made.AnchorIndex == _wanted) Current = made;
        List<(int Index, float DistanceSquared)> nearest = projection.Grid.Nearest(listener, reach, 1);
        if (nearest.Count == 0 || nearest[0].Index == _wanted) return;
        int index = nearest[0].Index;
        _wanted = index;
        _pending?.Cancel();
        _pending?.Dispose();
        _pending = new CancellationTokenSource();
        Vector3 position = projection.Positions[index];
        InFlight = work.Request(mapping.Map(anchors.Latent(index)),
            tile => Volatile.Write(ref _arrived, new GroundMaterial(index, position, tile)), _pending.Token);
    }

    /// <summary>Cancels the request in flight (the texture work is closed by its owner).</summary>
    public void Dispose()
    {
        _pending?.Cancel();
        _pending?.Dispose();
        _pending = null;
    }
}

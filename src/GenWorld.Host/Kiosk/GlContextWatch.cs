using GenWorld.Rendering;

namespace GenWorld.Host.Kiosk;

/// <summary>
/// Keeps a world drawing when the driver resets its GL context (a GPU hang, a driver update, a resume from suspend):
/// <see cref="Check"/> asks the host's device whether its context was lost (<see cref="Rendering.Diagnostics.GlContextLoss"/>),
/// and if so opens a fresh context, moves the renderer onto it (<see cref="WorldHost.ReplaceSurface"/>: the scene, its
/// textures and buffers are built again) and destroys the dead one, with one log line. The world and its voices never
/// stop for it. If the fresh context cannot be made the exception goes to the caller, and the kiosk supervisor
/// restarts the whole world with backoff. The audio twin is <see cref="AudioDeviceWatch"/>. Owns the surface it was
/// given and every one it opens. A real reset cannot be caused on llvmpipe, so a rehearsal (<c>simulateLossEvery</c>)
/// makes the GL layer report one every so many seconds of the host's clock, through the same check.
/// </summary>
/// <remarks>Call on the thread that owns the context (the frame thread).</remarks>
public sealed class GlContextWatch : IDisposable
{
    private readonly Func<IGLContext> _reopen;
    private readonly Action<string> _log;
    private readonly double? _simulateLossEvery;
    private double _nextSimulatedLoss;

    /// <summary>
    /// Watches the host drawing on <paramref name="surface"/>; <paramref name="reopen"/> makes a fresh context of the same
    /// kind; <paramref name="log"/> gets one line per loss; <paramref name="simulateLossEvery"/> (seconds, rehearsal) makes
    /// the GL layer report a loss each time that much more of the host's clock has passed.
    /// </summary>
    public GlContextWatch(IGLContext surface, Func<IGLContext> reopen, Action<string> log, double? simulateLossEvery = null)
    {
        (Current, _reopen, _log) = (surface ?? throw new ArgumentNullException(nameof(surface)),
            reopen ?? throw new ArgumentNullException(nameof(reopen)), log ?? throw new ArgumentNullException(nameof(log)));
        if (simulateLossEvery is double every) ArgumentOutOfRangeException.ThrowIfNegativeOrZero(every, nameof(simulateLossEvery));
        _simulateLossEvery = simulateLossEvery;
        _nextSimulatedLoss = simulateLossEvery ?? double.PositiveInfinity;
    }

    /// <summary>The context the host draws with now.</summary>
    public IGLContext Current { get; private set; }

    /// <summary>Times the context was lost and the renderer rebuilt on a fresh one.</summary>
    public int Rebuilds { get; private set; }

    /// <summary>Call once a frame, before the host's step: rebuilds the renderer on a fresh context when the old one was lost.</summary>
    public void Check(WorldHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (host.Device is not null && host.Clock.Now >= _nextSimulatedLoss)
        {
            host.Device.ContextLoss.Simulate();
            _nextSimulatedLoss = host.Clock.Now + _simulateLossEvery!.Value;
        }
        if (host.Device?.ContextLoss.Check() is not { } why) return;
        long before = host.Device.LiveObjects.Total;
        IGLContext fresh = _reopen();
        try
        {
            host.ReplaceSurface(fresh);
        }
        catch
        {
            fresh.Dispose();
            throw;
        }
        Current.Dispose();
        Current = fresh;
        Rebuilds++;
        _log($"gl: the context was lost ({why}); renderer rebuilt on a fresh {fresh.Description} ({before} GL objects dropped), rebuild {Rebuilds}");
    }

    /// <summary>Destroys the current context (dispose the <see cref="WorldHost"/> first: it frees the renderer).</summary>
    public void Dispose() => Current.Dispose();
}

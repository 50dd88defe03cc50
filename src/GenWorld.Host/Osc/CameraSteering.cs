using System.Numerics;
using GenWorld.World.Attract;
using GenWorld.World.Cameras;

namespace GenWorld.Host.Osc;

/// <summary>
/// The visitor's camera with every way it can be moved in one place: the host's own input (keys, mouse), attract mode
/// after idle, and remote control (place, fly at a velocity, follow a camera path). A remote move counts as input: it
/// ends a running tour and restarts the idle time. Until the first remote move a <paramref name="fallback"/> (a render's
/// path or orbit) may drive the camera instead.
/// </summary>
/// <param name="fly">The camera the visitor drives.</param>
/// <param name="attract">Attract mode wrapped around <paramref name="fly"/>, or null.</param>
/// <param name="fallback">Pose at (time) until a remote move takes over, or null to use <paramref name="fly"/> from the start.</param>
public sealed class CameraSteering(FlyCamera fly, AttractMode? attract = null, Func<double, Pose>? fallback = null)
{
    private readonly FlyCamera _ownFly = fly ?? throw new ArgumentNullException(nameof(fly));
    private Vector3 _velocity;
    private CameraPath? _path, _pendingPath;
    private double _pathStart;
    private Pose? _lastFallback;

    /// <summary>The fly camera now (attract mode replaces it, at the same pose, when it hands control back).</summary>
    public FlyCamera Fly => attract?.Fly ?? _ownFly;

    /// <summary>Attract mode, when the host has one.</summary>
    public AttractMode? Attract => attract;

    /// <summary>True once a remote move took the camera from the fallback.</summary>
    public bool Steered { get; private set; } = fallback is null;

    /// <summary>The remote velocity (u/s) being flown now.</summary>
    public Vector3 Velocity => _velocity;

    /// <summary>Places the camera (radians) and stops a remote velocity or path.</summary>
    public void Place(Vector3 position, float yaw, float pitch)
    {
        TakeOver();
        _path = _pendingPath = null;
        _velocity = Vector3.Zero;
        Fly.Place(position, yaw, pitch);
    }

    /// <summary>Flies at <paramref name="velocity"/> (world space, u/s) until the next call; zero stops.</summary>
    public void SetVelocity(Vector3 velocity)
    {
        TakeOver();
        _path = _pendingPath = null;
        _velocity = velocity;
    }

    /// <summary>Follows <paramref name="path"/> from the next frame; the visitor's camera stays at its end.</summary>
    public void Follow(CameraPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        TakeOver();
        _velocity = Vector3.Zero;
        _pendingPath = path;
    }

    /// <summary>One frame at <paramref name="time"/>, <paramref name="dt"/> seconds after the last.</summary>
    public Pose Update(double time, double dt, WorldInput input)
    {
        if (!Steered) return (_lastFallback = fallback!(time)).Value;
        if (_pendingPath is not null) (_path, _pendingPath, _pathStart) = (_pendingPath, null, time);
        if (_path is not null)
        {
            Pose onPath = _path.At(time - _pathStart);
            if (time - _pathStart < _path.Duration) return onPath;
            _path = null;
            Fly.Place(onPath.Position, YawOf(onPath.Forward), PitchOf(onPath.Forward));
        }
        if (_velocity != Vector3.Zero)
        {
            attract?.Interrupt();
            Fly.Place(Fly.Position + (_velocity * (float)dt), Fly.Yaw, Fly.Pitch);
        }
        return attract?.Update(dt, input) ?? Fly.Update(dt, input);
    }

    /// <summary>Yaw (radians) of a facing direction: 0 along −Z, positive toward +X, as <see cref="FlyCamera"/>.</summary>
    public static float YawOf(Vector3 forward) => MathF.Atan2(forward.X, -forward.Z);

    /// <summary>Pitch (radians) of a facing direction, positive up.</summary>
    public static float PitchOf(Vector3 forward) =>
        forward.LengthSquared() < 1e-12f ? 0 : MathF.Asin(Math.Clamp(Vector3.Normalize(forward).Y, -1f, 1f));

    private void TakeOver()
    {
        // A velocity or path taking over from a render's orbit starts where the orbit was, not where the fly camera began.
        if (!Steered && _lastFallback is Pose p) Fly.Place(p.Position, YawOf(p.Forward), PitchOf(p.Forward));
        Steered = true;
        attract?.Interrupt();
    }
}

using System.Numerics;
using GenWorld.World.Cameras;

namespace GenWorld.World.Attract;

/// <summary>
/// Attract mode for an installation: after <see cref="IdleSeconds"/> without input the camera follows a
/// <see cref="PriorTour"/>; the first input hands control back to a fly camera placed exactly at the tour's pose and
/// facing, so the view does not jump. Hosts call <see cref="Update"/> instead of their fly camera's Update.
/// </summary>
public sealed class AttractMode
{
    private readonly Func<PriorTour> _startTour;
    private PriorTour? _tour;
    private double _idle;

    /// <summary>Wraps the host's fly camera; <paramref name="startTour"/> makes a fresh tour each time attract starts.</summary>
    public AttractMode(FlyCamera fly, Func<PriorTour> startTour, double idleSeconds = 30)
    {
        ArgumentNullException.ThrowIfNull(fly);
        ArgumentNullException.ThrowIfNull(startTour);
        if (!(idleSeconds > 0) || !double.IsFinite(idleSeconds)) throw new ArgumentOutOfRangeException(nameof(idleSeconds), idleSeconds, "must be a positive number of seconds.");
        (Fly, _startTour, IdleSeconds) = (fly, startTour, idleSeconds);
    }

    /// <summary>Seconds without input before the tour starts.</summary>
    public double IdleSeconds { get; }

    /// <summary>The camera the visitor drives (replaced, at the same pose, each time control comes back).</summary>
    public FlyCamera Fly { get; private set; }

    /// <summary>True while the prior drives the camera.</summary>
    public bool Active => _tour is not null;

    /// <summary>The running tour, or null.</summary>
    public PriorTour? Tour => _tour;

    /// <summary>Whether idle time may start a tour (a remote "attract 0" turns it off; the running tour ends at once).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Starts a tour at the next <see cref="Update"/> (and enables attract), as if the idle time had passed.</summary>
    public void StartNow()
    {
        Enabled = true;
        _idle = Math.Max(_idle, IdleSeconds);
    }

    /// <summary>
    /// Input that does not come through <see cref="WorldInput"/> (a remote controller placed or moved the camera): the idle
    /// time restarts and a running tour hands the camera back where it is.
    /// </summary>
    public void Interrupt()
    {
        _idle = 0;
        if (_tour is null) return;
        Fly = HandBack(_tour.Pose, Fly);
        _tour.Dispose();
        _tour = null;
    }

    /// <summary>One frame: the visitor's camera, or the tour's when idle long enough.</summary>
    public Pose Update(double dt, WorldInput input)
    {
        if (!Enabled && _tour is not null) Interrupt();
        if (HasInput(input))
        {
            _idle = 0;
            if (_tour is not null)
            {
                Fly = HandBack(_tour.Pose, Fly);
                _tour.Dispose();
                _tour = null;
            }
            return Fly.Update(dt, input);
        }
        _idle += dt;
        if (_tour is null && Enabled && _idle >= IdleSeconds)
        {
            _tour = _startTour();
            _tour.Begin(Fly.Pose);
        }
        return _tour?.Update(dt) ?? Fly.Update(dt, input);
    }

    private static bool HasInput(WorldInput input) => input.Move != Vector3.Zero || input.Look != Vector2.Zero || input.Boost || input.Retrigger;

    // FlyCamera's forward is (sin yaw cos pitch, sin pitch, -cos yaw cos pitch).
    private static FlyCamera HandBack(Pose pose, FlyCamera previous)
    {
        Vector3 f = Vector3.Normalize(pose.Forward);
        float pitch = MathF.Asin(Math.Clamp(f.Y, -1f, 1f));
        float yaw = MathF.Atan2(f.X, -f.Z);
        return new FlyCamera(pose.Position, yaw, pitch) { Speed = previous.Speed, BoostFactor = previous.BoostFactor };
    }
}

using System.Numerics;

namespace GenWorld.World.Cameras;

/// <summary>
/// First-person fly camera: yaw/pitch from mouse look, movement along the view's local axes (WASD + up/down),
/// velocity eased towards the input so motion is smooth at any frame rate.
/// </summary>
public sealed class FlyCamera(Vector3 position, float yaw = 0f, float pitch = 0f)
{
    private const float MaxPitch = 1.5f; // just short of straight up/down, where yaw would flip
    private Vector3 _velocity;

    /// <summary>Eye position.</summary>
    public Vector3 Position { get; private set; } = position;

    /// <summary>Heading in radians (0 looks along -z, positive turns right).</summary>
    public float Yaw { get; private set; } = yaw;

    /// <summary>Elevation in radians (positive looks up).</summary>
    public float Pitch { get; private set; } = Math.Clamp(pitch, -MaxPitch, MaxPitch);

    /// <summary>Cruising speed in world units per second.</summary>
    public float Speed { get; init; } = 4f;

    /// <summary>Speed multiplier while boosting.</summary>
    public float BoostFactor { get; init; } = 3f;

    /// <summary>The camera's pose now.</summary>
    public Pose Pose => new(Position, Forward, Vector3.UnitY);

    /// <summary>Unit view direction.</summary>
    public Vector3 Forward => new(MathF.Sin(Yaw) * MathF.Cos(Pitch), MathF.Sin(Pitch), -MathF.Cos(Yaw) * MathF.Cos(Pitch));

    /// <summary>
    /// Puts the camera at <paramref name="position"/> facing (<paramref name="yaw"/>, <paramref name="pitch"/>) and stops it:
    /// a remote controller (OSC) or a "go to" places the visitor; their own movement continues from there.
    /// </summary>
    public void Place(Vector3 position, float yaw, float pitch)
    {
        if (!float.IsFinite(position.X) || !float.IsFinite(position.Y) || !float.IsFinite(position.Z) || !float.IsFinite(yaw) || !float.IsFinite(pitch))
            throw new ArgumentException($"camera pose ({position}, yaw {yaw}, pitch {pitch}) is not finite.");
        Position = position;
        Yaw = yaw;
        Pitch = Math.Clamp(pitch, -MaxPitch, MaxPitch);
        _velocity = Vector3.Zero;
    }

    /// <summary>Applies one frame of input over <paramref name="dt"/> seconds and returns the new pose.</summary>
    public Pose Update(double dt, WorldInput input)
    {
        if (!(dt >= 0) || !double.IsFinite(dt)) throw new ArgumentOutOfRangeException(nameof(dt), dt, "must be a finite number of seconds, 0 or more.");
        Yaw += input.Look.X;
        Pitch = Math.Clamp(Pitch + input.Look.Y, -MaxPitch, MaxPitch);
        Vector3 forward = Forward;
        Vector3 right = Vector3.Normalize(Vector3.Cross(forward, Vector3.UnitY));
        Vector3 move = Vector3.Clamp(input.Move, -Vector3.One, Vector3.One);
        Vector3 wanted = ((right * move.X) + (Vector3.UnitY * move.Y) + (forward * move.Z)) * Speed * (input.Boost ? BoostFactor : 1f);
        float blend = (float)(1 - Math.Exp(-dt / 0.12)); // ~120 ms to reach the new speed: no jerks at key press
        _velocity = Vector3.Lerp(_velocity, wanted, blend);
        Position += _velocity * (float)dt;
        return Pose;
    }
}

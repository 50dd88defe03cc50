using System.Numerics;

namespace GenWorld.World.Cameras;

/// <summary>Where the listener (camera) is and which way it faces.</summary>
/// <param name="Position">World position.</param>
/// <param name="Forward">Facing direction (need not be unit length).</param>
/// <param name="Up">Up direction.</param>
public readonly record struct Pose(Vector3 Position, Vector3 Forward, Vector3 Up)
{
    /// <summary>A pose at <paramref name="position"/> looking at <paramref name="target"/> with +y up.</summary>
    public static Pose LookAt(Vector3 position, Vector3 target)
    {
        Vector3 forward = target - position;
        return new Pose(position, forward.LengthSquared() > 1e-12f ? Vector3.Normalize(forward) : -Vector3.UnitZ, Vector3.UnitY);
    }

    /// <summary>The point one unit ahead.</summary>
    public Vector3 Target => Position + Forward;
}

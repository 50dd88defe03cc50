using System.Numerics;

namespace GenWorld.Audio.Output;

/// <summary>Where the listener is and which way it faces.</summary>
/// <param name="Position">World position.</param>
/// <param name="At">Facing direction.</param>
/// <param name="Up">Up direction.</param>
public readonly record struct ListenerPose(Vector3 Position, Vector3 At, Vector3 Up)
{
    /// <summary>The OpenAL default: at the origin, facing -z, +y up.</summary>
    public static ListenerPose Default => new(Vector3.Zero, -Vector3.UnitZ, Vector3.UnitY);
}

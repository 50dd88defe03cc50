using System.Numerics;

namespace GenWorld.World.Cameras;

/// <summary>
/// One frame of player input, in engine-neutral terms (a host maps its keys, mouse or gamepad to it).
/// </summary>
/// <param name="Move">Local movement axes, each -1..1: x right, y up, z forward (WASD + space/ctrl).</param>
/// <param name="Look">Mouse-look change this frame in radians: x yaw (right positive), y pitch (up positive).</param>
/// <param name="Boost">Move faster.</param>
/// <param name="Retrigger">Regenerate the nearest audible emitter's sound with a small variation of its latent.</param>
public readonly record struct WorldInput(Vector3 Move, Vector2 Look, bool Boost = false, bool Retrigger = false)
{
    /// <summary>No input.</summary>
    public static WorldInput None => default;
}

using System.Numerics;

namespace GenWorld.Osc.Control;

/// <summary>
/// What OSC input may do to a world, in the world's own units (radians, u, u/s). <see cref="GenWorldOscInput"/> checks
/// the messages and calls these on the frame thread; the host implements it on its camera, world and voice pool.
/// </summary>
public interface IOscWorldControl
{
    /// <summary>Place the camera. Yaw 0 looks along −Z, positive toward +X; pitch positive looks up (radians).</summary>
    void SetPose(Vector3 position, float yaw, float pitch);

    /// <summary>Fly at a world-space velocity (u/s) until the next call; zero stops.</summary>
    void SetVelocity(Vector3 velocity);

    /// <summary>Go to the anchor with this label, or follow the camera-path file at this path.</summary>
    void GoTo(string labelOrFile);

    /// <summary>Play an emitter's sound again now.</summary>
    void Trigger(int emitterId);

    /// <summary>Attract mode on or off.</summary>
    void SetAttract(bool on);

    /// <summary>Master gain, linear, ≥ 0.</summary>
    void SetGain(float gain);

    /// <summary>Switch the sound model by name.</summary>
    void SwitchModel(string name);
}

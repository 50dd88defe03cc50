using GenWorld.World.Cameras;

namespace GenWorld.Host;

/// <summary>What one <see cref="WorldHost.Step"/> did: the frame's time, the time since the last frame, and the pose used.</summary>
/// <param name="Time">Seconds on the host's clock.</param>
/// <param name="Delta">Seconds since the previous frame (0 for the first).</param>
/// <param name="Pose">The listener/camera pose the world, the voices and the renderer saw.</param>
public readonly record struct HostFrame(double Time, double Delta, Pose Pose);

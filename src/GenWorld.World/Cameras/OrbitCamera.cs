using System.Numerics;

namespace GenWorld.World.Cameras;

/// <summary>Circles a centre at a fixed radius and height, one turn per <see cref="Period"/> seconds, looking at the centre.</summary>
/// <param name="Centre">Point orbited and looked at.</param>
/// <param name="Radius">Distance from the centre in the horizontal plane.</param>
/// <param name="Height">Height above the centre.</param>
/// <param name="Period">Seconds per turn.</param>
public sealed record OrbitCamera(Vector3 Centre, float Radius, float Height, double Period = 30)
{
    /// <summary>The pose at <paramref name="time"/> seconds.</summary>
    public Pose At(double time)
    {
        if (!(Period > 0)) throw new InvalidOperationException($"Period = {Period} must be positive.");
        double angle = 2 * Math.PI * time / Period;
        var eye = Centre + new Vector3((float)(Math.Sin(angle) * Radius), Height, (float)(Math.Cos(angle) * Radius));
        return Pose.LookAt(eye, Centre);
    }
}

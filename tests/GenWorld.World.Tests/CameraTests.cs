using System.Numerics;
using GenWorld.World.Cameras;

namespace GenWorld.World.Tests;

public sealed class CameraTests
{
    private const string Json = """
        {"version":1,"points":[
          {"t":0,"position":[0,0,0],"lookAt":[0,0,-1]},
          {"t":1,"position":[1,0,0],"lookAt":[1,0,-1]},
          {"t":2,"position":[2,1,0],"lookAt":[2,1,-1]},
          {"t":4,"position":[2,1,4],"lookAt":[0,1,4]}]}
        """;

    [Fact]
    public void A_path_passes_through_its_points_and_holds_at_the_ends()
    {
        CameraPath path = CameraPath.Parse(Json);
        Assert.Equal(4, path.Duration);
        Assert.Equal(new Vector3(1, 0, 0), path.At(1).Position);
        Assert.Equal(new Vector3(2, 1, 4), path.At(4).Position);
        Assert.Equal(new Vector3(2, 1, 4), path.At(9).Position);
        Assert.Equal(Vector3.Zero, path.At(-1).Position);
        Assert.True(Vector3.Distance(-Vector3.UnitX, path.At(4).Forward) < 1e-5f);
    }

    [Fact]
    public void Path_motion_is_smooth_across_points()
    {
        CameraPath path = CameraPath.Parse(Json);
        const double h = 1e-3;
        foreach (double t in new[] { 1.0, 2.0 })
        {
            Vector3 before = (path.At(t).Position - path.At(t - h).Position) / (float)h;
            Vector3 after = (path.At(t + h).Position - path.At(t).Position) / (float)h;
            Assert.True(Vector3.Distance(before, after) < 0.02f, $"velocity jumps at t={t}: {before} vs {after}");
        }
    }

    [Fact]
    public void A_bad_path_names_the_field()
    {
        Assert.Contains("points[1].t", Assert.Throws<ArgumentException>(() => CameraPath.Parse(
            """{"version":1,"points":[{"t":1,"position":[0,0,0],"lookAt":[0,0,-1]},{"t":1,"position":[1,0,0],"lookAt":[0,0,-1]}]}""")).Message, StringComparison.Ordinal);
        Assert.Contains("points[0].lookAt", Assert.Throws<InvalidDataException>(() => CameraPath.Parse(
            """{"version":1,"points":[{"t":0,"position":[0,0,0],"lookAt":[0,0]}]}""")).Message, StringComparison.Ordinal);
        Assert.Contains("version", Assert.Throws<InvalidDataException>(() => CameraPath.Parse("""{"version":2,"points":[]}""")).Message, StringComparison.Ordinal);
        Assert.Equal(CameraPath.Parse(Json).At(2.5), CameraPath.Parse(CameraPath.Parse(Json).ToJson()).At(2.5));
    }

    [Fact]
    public void Fly_camera_moves_where_it_looks_and_turns_with_the_mouse()
    {
        var fly = new FlyCamera(Vector3.Zero) { Speed = 2 };
        for (int i = 0; i < 60; i++) fly.Update(1 / 60.0, new WorldInput(new Vector3(0, 0, 1), Vector2.Zero));
        Assert.InRange(fly.Position.Z, -2f, -1.2f); // eased up to 2 units/s over ~1 s, facing -z
        Assert.InRange(MathF.Abs(fly.Position.X), 0f, 1e-4f);
        fly.Update(1 / 60.0, new WorldInput(Vector3.Zero, new Vector2(MathF.PI / 2, 0)));
        Assert.True(Vector3.Distance(Vector3.UnitX, fly.Forward) < 1e-5f);
    }

    [Fact]
    public void Orbit_keeps_its_radius_and_looks_at_the_centre()
    {
        var orbit = new OrbitCamera(new Vector3(1, 0, 1), 10, 2, Period: 8);
        for (double t = 0; t < 8; t += 0.7)
        {
            Pose pose = orbit.At(t);
            Assert.Equal(10f, new Vector2(pose.Position.X - 1, pose.Position.Z - 1).Length(), 3);
            Assert.True(Vector3.Distance(Vector3.Normalize(new Vector3(1, 0, 1) - pose.Position), pose.Forward) < 1e-5f);
        }
    }
}

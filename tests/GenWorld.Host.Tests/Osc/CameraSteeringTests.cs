using System.Numerics;
using GenWorld.Host.Osc;
using GenWorld.World.Cameras;

namespace GenWorld.Host.Tests.Osc;

/// <summary>The camera a remote controller steers: place, fly at a velocity, follow a path, take over from a render's orbit.</summary>
public sealed class CameraSteeringTests
{
    [Fact]
    public void A_placed_camera_stays_where_it_was_put_facing_the_given_way()
    {
        var steering = new CameraSteering(new FlyCamera(Vector3.Zero));
        steering.Place(new Vector3(1, 2, 3), MathF.PI / 2, 0);
        Pose pose = steering.Update(0.1, 0.1, default);
        Assert.Equal(new Vector3(1, 2, 3), pose.Position);
        Assert.Equal(1, pose.Forward.X, 5);   // yaw 90 degrees looks along +X
        Assert.Equal(MathF.PI / 2, CameraSteering.YawOf(pose.Forward), 5);
    }

    [Fact]
    public void A_velocity_moves_the_camera_by_velocity_times_time_until_it_is_zeroed()
    {
        var steering = new CameraSteering(new FlyCamera(new Vector3(0, 1, 0)));
        steering.SetVelocity(new Vector3(2, 0, -1));
        for (int i = 1; i <= 10; i++) steering.Update(i * 0.1, 0.1, default);
        Assert.Equal(new Vector3(2, 1, -1), steering.Fly.Position, new Vector3Tolerance(1e-4f));
        steering.SetVelocity(Vector3.Zero);
        steering.Update(1.1, 0.1, default);
        Assert.Equal(new Vector3(2, 1, -1), steering.Fly.Position, new Vector3Tolerance(1e-4f));
    }

    [Fact]
    public void A_path_is_followed_from_the_next_frame_and_the_camera_stays_at_its_end()
    {
        var steering = new CameraSteering(new FlyCamera(Vector3.Zero));
        var path = new CameraPath([(0, new Vector3(0, 0, 0), new Vector3(0, 0, -1)), (2, new Vector3(4, 0, 0), new Vector3(4, 0, -1))]);
        steering.Follow(path);
        Assert.Equal(Vector3.Zero, steering.Update(10, 0.1, default).Position);
        Assert.Equal(2, steering.Update(11, 1, default).Position.X, 4);
        Assert.Equal(4, steering.Update(13, 2, default).Position.X, 4);
        Assert.Equal(4, steering.Update(14, 1, default).Position.X, 4);
    }

    [Fact]
    public void The_fallback_drives_until_a_remote_move_which_starts_where_the_fallback_was()
    {
        var steering = new CameraSteering(new FlyCamera(new Vector3(100, 100, 100)), fallback: t => Pose.LookAt(new Vector3((float)t, 0, 5), Vector3.Zero));
        Assert.False(steering.Steered);
        Assert.Equal(3, steering.Update(3, 0.1, default).Position.X);
        steering.SetVelocity(new Vector3(0, 1, 0));
        Assert.True(steering.Steered);
        Pose moved = steering.Update(4, 1, default);
        Assert.Equal(new Vector3(3, 1, 5), moved.Position, new Vector3Tolerance(1e-4f));
    }

    private sealed class Vector3Tolerance(float tolerance) : IEqualityComparer<Vector3>
    {
        public bool Equals(Vector3 a, Vector3 b) => Vector3.Distance(a, b) <= tolerance;

        public int GetHashCode(Vector3 v) => 0;
    }
}

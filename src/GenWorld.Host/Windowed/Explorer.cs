using System.Numerics;
using GenWorld.Audio.Output;
using GenWorld.Host.Attract;
using GenWorld.Host.Clocks;
using GenWorld.Host.Kiosk;
using GenWorld.Host.Osc;
using GenWorld.Rendering.Glfw;
using GenWorld.World;
using GenWorld.World.Attract;
using GenWorld.World.Cameras;

namespace GenWorld.Host.Windowed;

/// <summary>
/// <see cref="WorldHost"/> with a wall clock, a GLFW window and the default audio device: walk the field with WASD,
/// E/Space up, Q down, Shift to boost, drag with the left button to look, Enter to re-trigger, Esc to quit.
/// </summary>
public static class Explorer
{
    /// <summary>Frames shown, and GL objects alive after the scene was freed (0 unless something leaked).</summary>
    /// <param name="Frames">Frames drawn.</param>
    /// <param name="GlObjectsLeft">GL objects alive after the host freed its scene.</param>
    public sealed record Result(long Frames, long GlObjectsLeft);

    /// <summary>Runs until the window closes or <see cref="ExploreSettings.Seconds"/> pass; <paramref name="status"/> gets a line every 2 s.</summary>
    /// <exception cref="DisplayUnavailableException">There is no display to open a window on.</exception>
    public static Result Run(ExploreSettings settings, Action<string> log, Action<string> status)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var windowOptions = new GlfwWindowOptions("GenWorld: explore the latent field", Kiosk: settings.Kiosk);
        // The watch owns the window: after a GL context loss it opens a fresh one and the renderer moves there.
        using var glWatch = new GlContextWatch(new GlfwWindow(windowOptions), () => new GlfwWindow(windowOptions), log, settings.SimulateGlLossEvery);
        using LatentWorld world = LatentWorld.Open(settings.Model, new LatentWorldOptions { TextureModel = settings.TextureModel, Log = log });
        using IDisposable? follow = settings.Follow is null ? null : world.FollowPublishedVersions(settings.Follow);
        // The watch owns the output (and any it reopens after a loss); declared before the host, it closes after the voices.
        using var audio = new AudioDeviceWatch(AudioOutputs.OpenDefault(log), () => AudioOutputs.OpenDefault(log), log);
        using AttractSetup? attractSetup = AttractSetup.TryOpen(settings.AttractAfter, world, log: log);
        float radius = world.Projection.Positions.Max(p => new Vector2(p.X, p.Z).Length());
        var fly = new FlyCamera(new Vector3(0, 3, radius * 0.6f)) { Speed = Math.Max(2f, radius / 10) };
        AttractMode? attract = attractSetup?.Wrap(fly);
        var steering = new CameraSteering(fly, attract);
        var host = new WorldHost(world, new WallClock(), glWatch.Current, audio.Current, new WorldHostOptions { Hud = !(settings.Presentation || settings.Kiosk) });
        log($"explore: {host.Device!.Renderer} in a {glWatch.Current.Description}; GL reset notification {(host.Device.ContextLoss.NotificationOn ? "on" : "off (a loss shows only as GL errors, which are watched)")}");
        using (host)
        using (WorldOscLink? osc = settings.Osc is null ? null : new WorldOscLink(settings.Osc, world, host, steering, log))
        {
            double nextStatus = 0;
            while (!Window(glWatch).CloseRequested && (settings.Seconds is null || host.Clock.Now < settings.Seconds))
            {
                glWatch.Check(host);   // first: after a loss the rest of the frame reads the fresh window
                GlfwWindow window = Window(glWatch);
                window.PollEvents();
                if (window.Input.IsKeyDown(Key.Escape) && !settings.Kiosk) window.RequestClose();
                audio.Check(host);
                WorldInput input = Controls(window.Input);
                osc?.Poll();
                HostFrame frame = host.Step((t, dt) => steering.Update(t, dt, input), input);
                osc?.Publish(frame.Time, frame.Pose);
                if (frame.Time < nextStatus) continue;
                nextStatus = frame.Time + 2;
                string near = string.Join(", ", world.Emitters.Take(3).Select(e => e.LabelName));
                Vector3 p = frame.Pose.Position;
                status($"pos ({p.X:F1}, {p.Y:F1}, {p.Z:F1}) near: {near}; {host.Playing} playing; {HostText.StatsLine(world.Stats)}");
            }
        }
        return new Result(host.Frames, host.GlObjectsLeft);
    }

    private static GlfwWindow Window(GlContextWatch watch) => (GlfwWindow)watch.Current;

    /// <summary>Keys and mouse → the world's input (move axes, look delta, boost, re-trigger).</summary>
    private static WorldInput Controls(InputState input) => new(
        new Vector3(Axis(input, Key.D, Key.A), Axis(input, Key.E, Key.Q) + (input.IsKeyDown(Key.Space) ? 1 : 0), Axis(input, Key.W, Key.S)),
        input.IsMouseButtonDown(MouseButton.Left) ? new Vector2(input.CursorDelta.X, -input.CursorDelta.Y) * 0.004f : Vector2.Zero,
        input.IsKeyDown(Key.LeftShift), input.WasKeyPressed(Key.Enter));

    private static float Axis(InputState input, Key positive, Key negative) => (input.IsKeyDown(positive) ? 1 : 0) - (input.IsKeyDown(negative) ? 1 : 0);
}

using System.CommandLine;
using System.Diagnostics;
using System.Numerics;
using GenWorld.Audio.Output;
using GenWorld.Cli.Field;
using GenWorld.Cli.Prior;
using GenWorld.Rendering;
using GenWorld.Rendering.Glfw;
using GenWorld.World;
using GenWorld.World.Attract;
using GenWorld.World.Cameras;

namespace GenWorld.Cli.Commands;

/// <summary>
/// <c>genworld explore</c>: walk the latent field in a window with real audio. WASD to move, E/Space up, Q down, Shift to
/// boost, drag with the left mouse button to look, Enter to re-trigger the nearest sound with a variation, Esc to quit.
/// </summary>
internal static class ExploreCommand
{
    public static Command Create()
    {
        var model = new Option<DirectoryInfo>("--model") { Description = "Sound-VAE model folder with anchors.", DefaultValueFactory = _ => new DirectoryInfo("models/notes-vae") };
        var textures = new Option<DirectoryInfo?>("--textures") { Description = "Texture-GAN model folder (default models/textures-gan when present)." };
        var seconds = new Option<double?>("--seconds") { Description = "Close after this many seconds (default: until the window closes)." };
        var attract = new Option<double>("--attract-after") { Description = "Seconds without input before the note prior tours the field (0: never).", DefaultValueFactory = _ => 30 };
        var follow = new Option<DirectoryInfo?>("--follow") { Description = "Versioned model root to follow (models/<name> as `genworld serve` publishes it): each new version swaps in live." };
        var command = new Command("explore", "Walk the latent field in a window with spatial audio (needs a display; else use `genworld render`).") { model, textures, seconds, attract, follow };
        command.SetAction(parse => Run(parse.GetValue(model)!.FullName, RenderCommand.TextureFolder(parse.GetValue(textures)), parse.GetValue(seconds), parse.GetValue(attract),
            parse.GetValue(follow)?.FullName));
        return command;
    }

    internal static bool HasDisplay() =>
        !string.IsNullOrEmpty(Core.Native.Libc.GetEnv("DISPLAY")) || !string.IsNullOrEmpty(Core.Native.Libc.GetEnv("WAYLAND_DISPLAY"));

    internal static int Run(string model, string? textures, double? seconds, double attractAfter = 0, string? follow = null) =>
        RunCore(model, textures, seconds, attractAfter, follow).ExitCode;

    /// <summary>The explorer; also reports GL objects still alive after the scene was disposed (0 unless something leaked).</summary>
    internal static (int ExitCode, int GlObjectsLeft, long Frames) RunCore(string model, string? textures, double? seconds, double attractAfter = 0, string? follow = null)
    {
        GlfwWindow window;
        try { window = new GlfwWindow(new GlfwWindowOptions("GenWorld: explore the latent field")); }
        catch (DisplayUnavailableException)
        {
            Console.Error.WriteLine("explore: no display (DISPLAY and WAYLAND_DISPLAY are unset). For a headless flythrough use `genworld render --orbit` (PNG frames + WAV).");
            return (3, 0, 0);
        }
        long frames;
        int glLeft;
        using (window)
        using (LatentWorld world = LatentWorld.Open(model, new LatentWorldOptions { TextureModel = textures, Log = Console.Error.WriteLine }))
        using (follow is null ? null : world.FollowPublishedVersions(follow))
        using (IAudioOutput audio = AudioOutputs.OpenDefault(Console.Error.WriteLine))
        using (var device = new GlDevice(window))
        {
            using (var scene = new FieldScene(device, world))
            using (var voices = new EmitterVoices(audio))
            using (AttractSetup? attract = AttractSetup.TryOpen(attractAfter, world))
                frames = Loop(window, device, world, scene, voices, seconds, attract);
            device.ProcessPendingDeletions();
            glLeft = device.LiveObjects.Total;
        }
        return (0, glLeft, frames);
    }

    private static long Loop(GlfwWindow window, GlDevice device, LatentWorld world, FieldScene scene, EmitterVoices voices, double? seconds, AttractSetup? attractSetup)
    {
        float radius = world.Projection.Positions.Max(p => new Vector2(p.X, p.Z).Length());
        var fly = new FlyCamera(new Vector3(0, 3, radius * 0.6f)) { Speed = Math.Max(2f, radius / 10) };
        AttractMode? attract = attractSetup?.Wrap(fly);
        var clock = Stopwatch.StartNew();
        double last = 0, nextHud = 0, fps = 60, frameStart = 0;
        long frames = 0;
        while (!window.CloseRequested && (seconds is null || clock.Elapsed.TotalSeconds < seconds))
        {
            window.PollEvents();
            InputState input = window.Input;
            if (input.IsKeyDown(Key.Escape)) window.RequestClose();
            double now = clock.Elapsed.TotalSeconds;
            var worldInput = new WorldInput(
                new Vector3(Axis(input, Key.D, Key.A), Axis(input, Key.E, Key.Q) + (input.IsKeyDown(Key.Space) ? 1 : 0), Axis(input, Key.W, Key.S)),
                input.IsMouseButtonDown(MouseButton.Left) ? new Vector2(input.CursorDelta.X, -input.CursorDelta.Y) * 0.004f : Vector2.Zero,
                input.IsKeyDown(Key.LeftShift), input.WasKeyPressed(Key.Enter));
            Pose pose = attract?.Update(now - last, worldInput) ?? fly.Update(now - last, worldInput);
            last = now;
            world.Update(now, pose, worldInput);
            voices.Sync(world, pose);
            fps = double.Lerp(fps, 1 / Math.Max(now - frameStart, 1e-4), 0.1);
            frameStart = now;
            scene.Draw(world, pose, window.Width, window.Height, fps, voices.Playing);
            window.SwapBuffers();
            device.ProcessPendingDeletions();
            frames++;
            if (now >= nextHud)
            {
                nextHud = now + 2;
                string near = string.Join(", ", world.Emitters.Take(3).Select(e => e.LabelName));
                Console.Error.Write($"\rpos ({pose.Position.X:F1}, {pose.Position.Y:F1}, {pose.Position.Z:F1}) near: {near}; {voices.Playing} playing; ");
                RenderCommand.WorldStatsLine(world.Stats);
            }
        }
        return frames;
    }

    private static float Axis(InputState input, Key positive, Key negative) => (input.IsKeyDown(positive) ? 1 : 0) - (input.IsKeyDown(negative) ? 1 : 0);
}

using System.Numerics;
using GenWorld.Audio.Output;
using GenWorld.Host.Clocks;
using GenWorld.Rendering;
using GenWorld.Rendering.Egl;
using GenWorld.World;
using GenWorld.World.Cameras;
using Xunit.Abstractions;

namespace GenWorld.Host.Tests;

/// <summary>The host drawing real frames headless (EGL, llvmpipe): the HUD's frame rate and presentation mode.</summary>
[Collection(HeadlessGlCollection.Name)]
public sealed class WorldHostFrameTests(ITestOutputHelper output)
{
    private static Pose Eye(double t) => Pose.LookAt(new Vector3((float)t, 3, 30), Vector3.Zero);

    [Fact]
    public void Hud_frame_rate_counts_frames_actually_drawn_not_the_fixed_output_rate()
    {
        using LatentWorld world = LatentWorld.Open(RepoPaths.Model("notes-vae"));
        using var audio = new NullAudioOutput("unit test");
        using var context = new EglSurfacelessContext(160, 90);
        var host = new WorldHost(world, new FixedStepClock(240), context, audio);
        using (host)
        {
            // The clock says 240 frames a second; each frame here takes at least 50 ms of wall time (< 20 drawn per second).
            for (int f = 0; f < 8; f++)
                host.Step((t, _) => { Thread.Sleep(50); return Eye(t); });
            output.WriteLine($"clock rate 240 fps, drawn {host.DrawnFramesPerSecond:F1} fps");
            Assert.InRange(host.DrawnFramesPerSecond, 0.5, 20.5);
        }
        Assert.Equal(0, host.GlObjectsLeft);
    }

    [Fact]
    public void Presentation_mode_draws_no_hud_while_the_default_does()
    {
        using LatentWorld world = LatentWorld.Open(RepoPaths.Model("notes-vae"));
        using var audio = new NullAudioOutput("unit test");
        byte[] withHud = Frame(world, audio, hud: true, out int hudUploads);
        byte[] presentation = Frame(world, audio, hud: false, out int presentationUploads);
        Assert.True(hudUploads >= 1);
        Assert.Equal(0, presentationUploads);
        // The HUD's corner (top-left 200×30 px) differs; the presentation frame has only the field there.
        int differ = 0;
        for (int y = 8; y < 38; y++)
            for (int x = 8; x < 208; x++)
                if (Rgba8.At(withHud, 320, x, y).MaxDifference(Rgba8.At(presentation, 320, x, y)) > 24) differ++;
        output.WriteLine($"{differ} of 6000 pixels in the HUD corner differ");
        Assert.True(differ > 150, $"only {differ} pixels differ where the HUD sits");
    }

    private static byte[] Frame(LatentWorld world, IAudioOutput audio, bool hud, out int hudUploads)
    {
        using var context = new EglSurfacelessContext(320, 180);
        using var host = new WorldHost(world, new FixedStepClock(30), context, audio, new WorldHostOptions { Hud = hud });
        host.Step((t, _) => Eye(t));
        hudUploads = host.Scene!.Renderer.HudUploads;
        host.Target!.Bind();
        byte[] pixels = host.Target.ReadPixels();
        host.Target.Unbind();
        return pixels;
    }
}

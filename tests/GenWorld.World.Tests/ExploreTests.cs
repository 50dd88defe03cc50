using System.Diagnostics;
using GenWorld.Core.Native;
using GenWorld.Host.Windowed;

namespace GenWorld.World.Tests;

/// <summary>The windowed host runs (silent, on Xvfb) and frees every GL object.</summary>
[Collection(NativeCollection.Name)]
public sealed class ExploreTests
{
    [Fact]
    public void On_a_virtual_display_explore_renders_frames_and_frees_every_GL_object() => OnADisplay(() =>
    {
        Explorer.Result r = Explorer.Run(new ExploreSettings { Model = RepoPaths.Model("notes-vae"), Seconds = 1.5 }, _ => { }, _ => { });
        Assert.True(r.Frames >= 3, $"only {r.Frames} frames in 1.5 s");
        Assert.Equal(0, r.GlObjectsLeft);
    });

    [Fact]
    public void After_a_lost_context_explore_opens_a_fresh_window_and_draws_on() => OnADisplay(() =>
    {
        // llvmpipe never resets: the GL layer's rehearsal reports the loss through the same check a driver reset would.
        var log = new List<string>();
        // 6 s for two losses a second apart: a fresh window and renderer take a second or more under llvmpipe on a busy machine.
        Explorer.Result r = Explorer.Run(new ExploreSettings { Model = RepoPaths.Model("notes-vae"), Seconds = 6, SimulateGlLossEvery = 1 }, l => { lock (log) log.Add(l); }, _ => { });
        string[] rebuilds = [.. log.Where(l => l.StartsWith("gl: the context was lost (simulated reset", StringComparison.Ordinal))];
        Assert.True(rebuilds.Length >= 2, $"{rebuilds.Length} rebuilds in 6 s at one a second:\n{string.Join("\n", log)}");
        Assert.All(rebuilds, l => Assert.Contains("renderer rebuilt on a fresh GLFW", l, StringComparison.Ordinal));
        Assert.True(r.Frames >= 6, $"only {r.Frames} frames in 6 s");
        Assert.Equal(0, r.GlObjectsLeft);   // every window's renderer was freed
    });

    private static void OnADisplay(Action test)
    {
        string? display = Libc.GetEnv("DISPLAY");
        Process? xvfb = null;
        try
        {
            if (string.IsNullOrEmpty(display)) xvfb = StartXvfb();
            test();
        }
        finally
        {
            if (xvfb is not null)
            {
                xvfb.Kill();
                xvfb.WaitForExit();
                xvfb.Dispose();
                if (display is null) Libc.UnsetEnv("DISPLAY");
            }
        }
    }

    private static Process StartXvfb()
    {
        for (int n = 150 + (Environment.ProcessId % 50); n < 260; n++)
        {
            if (File.Exists($"/tmp/.X11-unix/X{n}") || File.Exists($"/tmp/.X{n}-lock")) continue;
            var xvfb = Process.Start(new ProcessStartInfo("Xvfb", $":{n} -screen 0 1280x720x24 -nolisten tcp") { RedirectStandardError = true, UseShellExecute = false })!;
            var clock = Stopwatch.StartNew();
            while (!File.Exists($"/tmp/.X11-unix/X{n}") && !xvfb.HasExited && clock.Elapsed < TimeSpan.FromSeconds(10)) Thread.Sleep(50);
            if (xvfb.HasExited) continue;
            Libc.SetEnv("DISPLAY", $":{n}");
            return xvfb;
        }
        throw new InvalidOperationException("Xvfb did not start on any display :150..:259");
    }
}

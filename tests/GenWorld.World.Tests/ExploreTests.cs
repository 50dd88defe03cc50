using System.Diagnostics;
using GenWorld.Cli.Commands;
using GenWorld.Core.Native;

namespace GenWorld.World.Tests;

/// <summary>The windowed host: refuses politely without a display, and runs (silent, on Xvfb) with one.</summary>
[Collection(NativeCollection.Name)]
public sealed class ExploreTests
{
    [Fact]
    public void Without_a_display_explore_says_so_and_exits()
    {
        string? display = Libc.GetEnv("DISPLAY"), wayland = Libc.GetEnv("WAYLAND_DISPLAY");
        Libc.UnsetEnv("DISPLAY");
        Libc.UnsetEnv("WAYLAND_DISPLAY");
        var error = new StringWriter();
        TextWriter previous = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.Equal(3, ExploreCommand.Run(RepoPaths.Model("notes-vae"), null, 1));
            Assert.Contains("genworld render", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Console.SetError(previous);
            if (display is not null) Libc.SetEnv("DISPLAY", display);
            if (wayland is not null) Libc.SetEnv("WAYLAND_DISPLAY", wayland);
        }
    }

    [Fact]
    public void On_a_virtual_display_explore_renders_frames_and_frees_every_GL_object()
    {
        string? display = Libc.GetEnv("DISPLAY");
        Process? xvfb = null;
        try
        {
            if (string.IsNullOrEmpty(display)) xvfb = StartXvfb();
            (int code, int glLeft, long frames) = ExploreCommand.RunCore(RepoPaths.Model("notes-vae"), null, 1.5);
            Assert.Equal(0, code);
            Assert.True(frames >= 3, $"only {frames} frames in 1.5 s");
            Assert.Equal(0, glLeft);
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

using GenWorld.Core.Diagnostics;
using GenWorld.Core.Native;
using GenWorld.Rendering.Diagnostics;

namespace GenWorld.Rendering.Tests;

[Collection(NativeGlCollection.Name)]
public sealed class GlProbeTests
{
    [Fact]
    public void Probe_reports_headless_gl_and_explains_missing_window()
    {
        string? display = Libc.GetEnv("DISPLAY");
        string? wayland = Libc.GetEnv("WAYLAND_DISPLAY");
        Libc.UnsetEnv("DISPLAY");
        Libc.UnsetEnv("WAYLAND_DISPLAY");
        try
        {
            IReadOnlyList<ProbeResult> rows = GlProbe.Run();
            ProbeResult renderer = Assert.Single(rows, r => r.Name == "headless renderer");
            Assert.True(renderer.Ok);
            Assert.False(string.IsNullOrWhiteSpace(renderer.Value));
            Assert.True(Assert.Single(rows, r => r.Name == "headless render").Ok);
            ProbeResult window = Assert.Single(rows, r => r.Name == "window");
            Assert.Equal("no DISPLAY: windowed mode unavailable, headless EGL works", window.Value);
            Assert.All(rows, r => Assert.Equal("OpenGL", r.Area));
        }
        finally
        {
            if (display is not null) Libc.SetEnv("DISPLAY", display);
            if (wayland is not null) Libc.SetEnv("WAYLAND_DISPLAY", wayland);
        }
    }
}

using GenWorld.Core.Diagnostics;
using GenWorld.Core.Native;
using GenWorld.Rendering.Egl;
using GenWorld.Rendering.Glfw;
using Silk.NET.OpenGL;

namespace GenWorld.Rendering.Diagnostics;

/// <summary>Rows for <c>genworld info</c>: headless GL really renders, and whether a window can open here.</summary>
public static class GlProbe
{
    private const string Area = "OpenGL";

    /// <summary>Creates a headless context and renders a clear into a tiny target; tries a window only if there is a display. Never throws.</summary>
    public static IReadOnlyList<ProbeResult> Run()
    {
        var rows = new List<ProbeResult>();
        bool headlessOk = ProbeHeadless(rows);
        rows.Add(ProbeWindow(headlessOk));
        return rows;
    }

    private static bool ProbeHeadless(List<ProbeResult> rows)
    {
        try
        {
            using var context = new EglSurfacelessContext(4, 4);
            using var device = new GlDevice(context);
            rows.Add(new(Area, "headless renderer", device.Renderer, true));
            rows.Add(new(Area, "headless GL version", device.Version, true));
            rows.Add(new(Area, "headless render", CheckClearReadBack(device), true));
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            rows.Add(new(Area, "headless GL", $"failed: {e.Message}", false));
            return false;
        }
    }

    /// <summary>Clears a 4x4 render target to a known colour and reads it back: proves pixels, not only a context.</summary>
    private static string CheckClearReadBack(GlDevice device)
    {
        using var target = new RenderTarget(device, 4, 4);
        target.Bind();
        device.Gl.ClearColor(0.2f, 0.4f, 0.6f, 1f);
        device.Gl.Clear(ClearBufferMask.ColorBufferBit);
        Rgba8 got = Rgba8.At(target.ReadPixels(), 4, 1, 1);
        target.Unbind();
        var expected = new Rgba8(51, 102, 153);
        if (got.MaxDifference(expected) > 1)
            throw new GLContextException($"cleared a render target to {expected} but read back {got}");
        return $"{device.Context.Description}: FBO clear read back ok";
    }

    private static ProbeResult ProbeWindow(bool headlessOk)
    {
        string? display = Libc.GetEnv("DISPLAY");
        if (string.IsNullOrEmpty(display) && string.IsNullOrEmpty(Libc.GetEnv("WAYLAND_DISPLAY")))
            return new(Area, "window", headlessOk
                ? "no DISPLAY: windowed mode unavailable, headless EGL works"
                : "no DISPLAY: windowed mode unavailable, and headless EGL failed too", false);
        try
        {
            using var window = new GlfwWindow(new GlfwWindowOptions("genworld info", 64, 64, VSync: false, Visible: false));
            using var device = new GlDevice(window);
            return new(Area, "window", $"{window.Description} on {display ?? "wayland"}: {device.Version}", true);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new(Area, "window", $"DISPLAY={display} but no window: {e.Message}", false);
        }
    }
}

using GenWorld.Rendering.Glfw;
using Silk.NET.OpenGL;

namespace GenWorld.Rendering.Tests;

[Collection(NativeGlCollection.Name)]
public sealed class WindowedTests(XvfbFixture xvfb)
{
    [Fact]
    public void Glfw_window_clears_and_draws_into_its_default_framebuffer()
    {
        xvfb.EnsureDisplay();
        using var window = new GlfwWindow(new GlfwWindowOptions("test", 320, 240, VSync: false));
        using var device = new GlDevice(window);
        Assert.True(window.HasDefaultFramebuffer);
        Assert.Equal((320, 240), window.FramebufferSize);
        Assert.Contains("Core Profile", device.Version, StringComparison.Ordinal);

        GL gl = device.Gl;
        gl.BindFramebuffer(FramebufferTarget.Framebuffer, 0);
        gl.Viewport(0, 0, 320, 240);
        gl.ClearColor(0.2f, 0.4f, 0.6f, 1f);
        gl.Clear(ClearBufferMask.ColorBufferBit);
        // Right half yellow via scissor, so the read-back also checks orientation and extent.
        gl.Enable(EnableCap.ScissorTest);
        gl.Scissor(160, 0, 160, 240);
        gl.ClearColor(1f, 1f, 0f, 1f);
        gl.Clear(ClearBufferMask.ColorBufferBit);
        gl.Disable(EnableCap.ScissorTest);

        // Read the back buffer before the swap: after it, its contents are undefined.
        gl.ReadBuffer(ReadBufferMode.Back);
        byte[] pixels = PixelReadback.ReadRgba(gl, 320, 240);
        HeadlessRenderTests.AssertPixel(pixels, 40, 120, new Rgba8(51, 102, 153), 320);
        HeadlessRenderTests.AssertPixel(pixels, 280, 120, new Rgba8(255, 255, 0), 320);

        window.SwapBuffers();
        window.PollEvents();
        Assert.False(window.CloseRequested);
        Assert.Equal(System.Numerics.Vector2.Zero, window.Input.ScrollDelta);
        window.RequestClose();
        Assert.True(window.CloseRequested);
        Assert.Equal(0, device.LiveObjects.Total);
    }

    [Fact]
    public void A_kiosk_window_fills_the_screen_whatever_size_was_asked_and_hides_the_cursor()
    {
        string display = xvfb.EnsureDisplay();
        // The screen's size from the X server itself (xwininfo), not from GLFW: "Width: 1280" / "Height: 720".
        var info = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("xwininfo", ["-root", "-display", display]) { RedirectStandardOutput = true })!;
        string root = info.StandardOutput.ReadToEnd();
        info.WaitForExit();
        int screenWidth = int.Parse(System.Text.RegularExpressions.Regex.Match(root, @"Width: (\d+)").Groups[1].Value);
        int screenHeight = int.Parse(System.Text.RegularExpressions.Regex.Match(root, @"Height: (\d+)").Groups[1].Value);

        using var window = new GlfwWindow(new GlfwWindowOptions("kiosk", 320, 240, VSync: false, Kiosk: true));
        window.PollEvents();
        Assert.Equal((screenWidth, screenHeight), window.FramebufferSize);
        Assert.True(window.IsCursorHidden);

        using var plain = new GlfwWindow(new GlfwWindowOptions("plain", 320, 240, VSync: false));
        Assert.Equal((320, 240), plain.FramebufferSize);
        Assert.False(plain.IsCursorHidden);
    }
}

using System.Diagnostics;
using Silk.NET.OpenGL;

namespace GenWorld.Rendering.Tests;

[Collection(NativeGlCollection.Name)]
public sealed class FrameInFlightTests
{
    [Fact]
    public void Nothing_submitted_is_never_busy()
    {
        using var gl = new HeadlessGl(32, 32);
        using var inFlight = new FrameInFlight(gl.Device);
        Assert.False(inFlight.IsBusy());
        Assert.Same(gl.Device, inFlight.Device);
    }

    [Fact]
    public void A_submitted_frame_finishes_without_a_wait_and_its_pixels_are_there()
    {
        const int size = 1024;
        using var gl = new HeadlessGl(size, size);
        using var target = new RenderTarget(gl.Device, size, size);
        using var inFlight = new FrameInFlight(gl.Device);
        GL api = gl.Device.Gl;
        target.Bind();
        // Many full-frame clears: enough raster work that a queued frame is likely still in flight when IsBusy is asked.
        for (int i = 0; i < 64; i++)
        {
            api.ClearColor(i / 64f, 0, 0, 1);
            api.Clear(ClearBufferMask.ColorBufferBit);
        }
        api.ClearColor(0, 1, 0, 1);
        api.Clear(ClearBufferMask.ColorBufferBit);
        inFlight.Submitted();
        var waited = Stopwatch.StartNew();
        while (inFlight.IsBusy()) Thread.Sleep(1);
        Assert.True(waited.Elapsed < TimeSpan.FromSeconds(5), $"the frame took {waited.Elapsed.TotalMilliseconds:F0} ms to finish");
        Assert.Equal(GLEnum.NoError, api.GetError());
        byte[] pixels = target.ReadPixels();
        target.Unbind();
        HeadlessRenderTests.AssertPixel(pixels, size / 2, size / 2, new Rgba8(0, 255, 0), size);
        // Once finished it stays so, and the next frame fences afresh (no fence leaks: the context is torn down cleanly).
        Assert.False(inFlight.IsBusy());
        inFlight.Submitted();
        while (inFlight.IsBusy()) Thread.Sleep(1);
    }
}

using System.Numerics;
using GenWorld.Rendering.Imaging;
using GenWorld.Rendering.Resources;
using Silk.NET.OpenGL;

namespace GenWorld.Rendering.Tests;

[Collection(NativeGlCollection.Name)]
public sealed class HeadlessRenderTests
{
    private const int Size = 256;
    private static readonly Rgba8 Clear = new(10, 20, 40);
    private static readonly Rgba8 Orange = new(255, 128, 0);

    [Fact]
    public void Egl_context_is_desktop_core_on_mesa()
    {
        using var gl = new HeadlessGl();
        Assert.False(gl.Context.HasDefaultFramebuffer);
        Assert.Contains("Core Profile", gl.Device.Version, StringComparison.Ordinal);
        Assert.Matches(@"^[34]\.\d", gl.Device.Version);
        Assert.NotEqual(IntPtr.Zero, gl.Context.GetProcAddress("glDrawArraysInstanced"));
    }

    [Fact]
    public void Solid_shader_draws_centred_square_into_fbo_and_png_round_trips()
    {
        using var gl = new HeadlessGl(Size, Size);
        byte[] pixels;
        string png = Path.Combine(Path.GetTempPath(), $"genworld-square-{Guid.NewGuid():N}.png");
        using (var target = new RenderTarget(gl.Device, Size, Size))
        using (var vertices = new GlBuffer(gl.Device, BufferTargetARB.ArrayBuffer, BufferUsageARB.StaticDraw))
        using (var vao = new GlVertexArray(gl.Device))
        {
            // Square from -0.5 to 0.5 in clip space: pixels 64..191 on a 256 target.
            vertices.SetData<float>([-0.5f, -0.5f, 0, 0.5f, -0.5f, 0, -0.5f, 0.5f, 0, 0.5f, 0.5f, 0]);
            vao.SetAttribute(0, vertices, 3, VertexAttribPointerType.Float, false, 12, 0);
            DrawSquare(gl, target, vao);
            pixels = target.ReadPixels();
            target.SavePng(png);
            target.Unbind();
        }

        Assert.Equal(Size * Size * 4, pixels.Length);
        AssertPixel(pixels, Size / 2, Size / 2, Orange);
        AssertPixel(pixels, 70, 70, Orange);
        AssertPixel(pixels, 185, 185, Orange);
        AssertPixel(pixels, 5, 5, Clear);
        AssertPixel(pixels, 60, Size / 2, Clear);
        AssertPixel(pixels, 250, 250, Clear);
        int orange = CountPixels(pixels, Orange);
        Assert.InRange(orange, 128 * 128 - 2 * 128, 128 * 128 + 2 * 128);

        try
        {
            (byte[] decoded, int w, int h) = PngImage.Load(png);
            Assert.Equal((Size, Size), (w, h));
            Assert.Equal(pixels, decoded);
        }
        finally { File.Delete(png); }
    }

    [Fact]
    public void Read_back_is_top_down()
    {
        using var gl = new HeadlessGl(64, 64);
        using var target = new RenderTarget(gl.Device, 64, 64);
        target.Bind();
        GL api = gl.Device.Gl;
        api.ClearColor(0, 0, 1, 1);
        api.Clear(ClearBufferMask.ColorBufferBit);
        // Scissor in GL's bottom-left origin: paint only the bottom 16 rows red.
        api.Enable(EnableCap.ScissorTest);
        api.Scissor(0, 0, 64, 16);
        api.ClearColor(1, 0, 0, 1);
        api.Clear(ClearBufferMask.ColorBufferBit);
        api.Disable(EnableCap.ScissorTest);
        byte[] pixels = target.ReadPixels();
        target.Unbind();
        AssertPixel(pixels, 10, 63, new Rgba8(255, 0, 0), 64);
        AssertPixel(pixels, 10, 0, new Rgba8(0, 0, 255), 64);
    }

    [Fact]
    public void Objects_disposed_on_another_thread_are_deleted_on_the_owner_thread()
    {
        using var gl = new HeadlessGl(32, 32);
        var target = new RenderTarget(gl.Device, 32, 32);
        Assert.Equal(3, gl.Device.LiveObjects.Total);
        var other = new Thread(target.Dispose);
        other.Start();
        other.Join();
        Assert.Equal(3, gl.Device.LiveObjects.Total);
        gl.Device.ProcessPendingDeletions();
        Assert.Equal(0, gl.Device.LiveObjects.Total);
        Assert.Throws<InvalidOperationException>(() => RunOnOtherThread(() => _ = new RenderTarget(gl.Device, 8, 8)));
    }

    private static void DrawSquare(HeadlessGl gl, RenderTarget target, GlVertexArray vao)
    {
        GL api = gl.Device.Gl;
        target.Bind();
        Vector4 clear = Clear.ToVector4();
        api.ClearColor(clear.X, clear.Y, clear.Z, clear.W);
        api.Clear(ClearBufferMask.ColorBufferBit | ClearBufferMask.DepthBufferBit);
        var solid = gl.Shaders.Get("solid");
        solid.Use();
        solid.Set("uTransform", Matrix4x4.Identity);
        solid.Set("uColour", Orange.ToVector4());
        vao.Bind();
        api.DrawArrays(PrimitiveType.TriangleStrip, 0, 4);
        api.BindVertexArray(0);
        Assert.Equal(GLEnum.NoError, api.GetError());
    }

    internal static void AssertPixel(byte[] pixels, int x, int y, Rgba8 expected, int width = Size, int tolerance = 1)
    {
        Rgba8 actual = Rgba8.At(pixels, width, x, y);
        Assert.True(actual.MaxDifference(expected) <= tolerance, $"pixel ({x},{y}) is {actual}, expected {expected}");
    }

    private static int CountPixels(byte[] pixels, Rgba8 colour)
    {
        int count = 0;
        for (int i = 0; i < pixels.Length; i += 4)
            if (Rgba8.At(pixels, 1, i / 4, 0).MaxDifference(colour) <= 1) count++;
        return count;
    }

    private static void RunOnOtherThread(Action action)
    {
        Exception? error = null;
        var thread = new Thread(() => { try { action(); } catch (Exception e) { error = e; } });
        thread.Start();
        thread.Join();
        if (error is not null) throw error;
    }
}

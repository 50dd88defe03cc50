using System.Numerics;
using GenWorld.Rendering.Points;
using Silk.NET.OpenGL;

namespace GenWorld.Rendering.Tests;

[Collection(NativeGlCollection.Name)]
public sealed class PointBatchTests
{
    private const int Size = 128;
    private static readonly Rgba8 Background = new(0, 0, 0);
    private static readonly Camera Eye = new(new Vector3(0, 0, 5), Vector3.Zero, Vector3.UnitY, MathF.PI / 3, 1f, 0.1f, 100f);

    [Fact]
    public void Billboard_is_a_round_disc_of_the_instance_colour()
    {
        var green = new Rgba8(0, 255, 0);
        byte[] pixels = Render([new PointInstance(Vector3.Zero, 2f, green)], new PointStyle(Vector3.Zero, 50f, 90f, 0.05f));

        // Diameter 2 at distance 5 with a 60° view: radius = 1 / (5 tan 30°) * 64 ≈ 22 px.
        HeadlessRenderTests.AssertPixel(pixels, 64, 64, green, Size);
        HeadlessRenderTests.AssertPixel(pixels, 64 + 15, 64, green, Size);
        HeadlessRenderTests.AssertPixel(pixels, 64, 64 - 15, green, Size);
        // Inside the quad's corner but outside the circle (0.9 of the half-size along the diagonal): background.
        HeadlessRenderTests.AssertPixel(pixels, 64 + 20, 64 + 20, Background, Size);
        HeadlessRenderTests.AssertPixel(pixels, 64 + 30, 64, Background, Size);
    }

    [Fact]
    public void Far_points_fade_to_the_fog_colour_and_near_points_cover_far_ones()
    {
        var red = new Rgba8(255, 0, 0);
        var blue = new Rgba8(0, 0, 255);
        var fog = new Vector3(1, 1, 1);
        PointInstance[] points =
        [
            new(new Vector3(-8, 0, -40), 6f, red),     // ~46 units away: fully fogged (fog ends at 30)
            new(new Vector3(1, 0, 0), 1f, blue),       // near and clear
            new(new Vector3(1, 0, -2), 3f, red),       // behind the blue one and larger: hidden where blue is
        ];
        byte[] pixels = Render(points, new PointStyle(fog, 10f, 30f, 0.05f));

        int farX = ProjectX(points[0].Position);
        int nearX = ProjectX(points[1].Position);
        HeadlessRenderTests.AssertPixel(pixels, farX, 64, new Rgba8(255, 255, 255), Size, tolerance: 2);
        HeadlessRenderTests.AssertPixel(pixels, nearX, 64, blue, Size);
    }

    private static int ProjectX(Vector3 world)
    {
        Vector4 clip = Vector4.Transform(new Vector4(world, 1), Eye.ViewProjection);
        return (int)MathF.Round((clip.X / clip.W * 0.5f + 0.5f) * Size);
    }

    private static byte[] Render(PointInstance[] points, PointStyle style)
    {
        using var gl = new HeadlessGl(Size, Size);
        using var target = new RenderTarget(gl.Device, Size, Size);
        using var batch = new PointBatch(gl.Device);
        batch.SetPoints(points);
        target.Bind();
        GL api = gl.Device.Gl;
        api.ClearColor(0, 0, 0, 1);
        api.Clear(ClearBufferMask.ColorBufferBit | ClearBufferMask.DepthBufferBit);
        batch.Draw(gl.Shaders.Get("points"), Eye, style);
        Assert.Equal(GLEnum.NoError, api.GetError());
        byte[] pixels = target.ReadPixels();
        target.Unbind();
        return pixels;
    }
}

using System.Numerics;
using GenWorld.Rendering.Field;
using GenWorld.Rendering.Points;

namespace GenWorld.Rendering.Tests.Field;

/// <summary>A headless context, a render target and a field renderer; Dispose checks every GL object was freed.</summary>
internal sealed class FieldRig : IDisposable
{
    public FieldRig(int width, int height, FieldStyle? style = null)
    {
        (Width, Height) = (width, height);
        Gl = new HeadlessGl(width, height);
        Target = new RenderTarget(Gl.Device, width, height);
        Renderer = new FieldRenderer(Gl.Device, style);
    }

    public int Width { get; }
    public int Height { get; }
    public HeadlessGl Gl { get; }
    public RenderTarget Target { get; }
    public FieldRenderer Renderer { get; }

    public Camera LookAt(Vector3 eye, Vector3 target, float fovDegrees = 60) =>
        new(eye, target, Vector3.UnitY, fovDegrees * MathF.PI / 180, (float)Width / Height, 0.1f, 200f);

    public byte[] Render(Camera camera, PointInstance[]? points = null, IReadOnlyList<FieldObject>? objects = null, IReadOnlyList<string>? hud = null,
        IReadOnlyList<FieldRegion>? regions = null, GroundPatch? ground = null)
    {
        Target.Bind();
        Renderer.Render(new FieldFrame(camera, points ?? [], objects, hud, regions, ground: ground), Width, Height);
        Assert.Equal(Silk.NET.OpenGL.GLEnum.NoError, Gl.Device.Gl.GetError());
        byte[] pixels = Target.ReadPixels();
        Target.Unbind();
        return pixels;
    }

    /// <summary>Pixel (x, y) of a top-down image where <paramref name="world"/> projects.</summary>
    public (int X, int Y) Project(Camera camera, Vector3 world)
    {
        Vector4 clip = Vector4.Transform(new Vector4(world, 1), camera.ViewProjection);
        float x = (clip.X / clip.W * 0.5f) + 0.5f, y = (clip.Y / clip.W * 0.5f) + 0.5f;
        return ((int)(x * Width), (int)((1 - y) * Height));
    }

    public static Rgba8 FogRgba(FieldStyle style) =>
        new((byte)MathF.Round(style.FogColour.X * 255), (byte)MathF.Round(style.FogColour.Y * 255), (byte)MathF.Round(style.FogColour.Z * 255));

    public void Dispose()
    {
        Renderer.Dispose();
        Target.Dispose();
        Gl.Dispose();
    }
}

using GenWorld.Rendering.Egl;
using GenWorld.Rendering.Shaders;

namespace GenWorld.Rendering.Tests;

/// <summary>A headless context, device and shader library for one test; Dispose asserts nothing leaked.</summary>
internal sealed class HeadlessGl : IDisposable
{
    public HeadlessGl(int width = 256, int height = 256, string? shaderDirectory = null)
    {
        Context = new EglSurfacelessContext(width, height);
        Device = new GlDevice(Context);
        Shaders = new ShaderLibrary(Device, shaderDirectory);
    }

    public EglSurfacelessContext Context { get; }
    public GlDevice Device { get; }
    public ShaderLibrary Shaders { get; }

    public void Dispose()
    {
        Shaders.Dispose();
        string leaked = Device.LiveObjects.ToString();
        int total = Device.LiveObjects.Total;
        Device.Dispose();
        Context.Dispose();
        Assert.True(total == 0, $"GL objects leaked: {leaked}");
    }
}

using Silk.NET.OpenGL;

namespace GenWorld.Rendering;

/// <summary>Builds Silk.NET's <see cref="GL"/> from any <see cref="IGLContext"/>.</summary>
public static class GLContextExtensions
{
    /// <summary>
    /// Makes <paramref name="context"/> current on this thread and returns a <see cref="GL"/> bound to it.
    /// Silk.NET resolves functions lazily, so the context must stay current on this thread while the GL is used.
    /// </summary>
    public static GL CreateGL(this IGLContext context)
    {
        context.MakeCurrent();
        return GL.GetApi(context.GetProcAddress);
    }
}

namespace GenWorld.Rendering;

/// <summary>
/// An OpenGL context, whatever owns it (an EGL surfaceless context, a GLFW window). Rendering code asks only for
/// these operations, never for "the window", so the same renderer runs headless in tests and windowed in the app.
/// </summary>
public interface IGLContext : IDisposable
{
    /// <summary>What the context is, for logs and <c>genworld info</c>, e.g. "EGL surfaceless".</summary>
    string Description { get; }

    /// <summary>Width in pixels of what this context draws to (the framebuffer, or the nominal size when headless).</summary>
    int Width { get; }

    /// <summary>Height in pixels of what this context draws to.</summary>
    int Height { get; }

    /// <summary>False for headless contexts: draw into a <see cref="RenderTarget"/> instead of framebuffer 0.</summary>
    bool HasDefaultFramebuffer { get; }

    /// <summary>Address of a GL function, or zero when the driver lacks it.</summary>
    IntPtr GetProcAddress(string name);

    /// <summary>Makes the context current on the calling thread; GL calls on this thread then go to it.</summary>
    void MakeCurrent();

    /// <summary>Presents the back buffer (a no-op for headless contexts).</summary>
    void SwapBuffers();
}

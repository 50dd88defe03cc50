namespace GenWorld.Rendering.Egl;

/// <summary>
/// A headless desktop OpenGL core context (Mesa's surfaceless EGL platform, no window system and no surface).
/// There is no default framebuffer: draw into a <see cref="RenderTarget"/>.
/// </summary>
public sealed class EglSurfacelessContext : IGLContext
{
    private static readonly (int Major, int Minor)[] VersionsToTry = [(4, 5), (3, 3)];

    private readonly IntPtr _display;
    private IntPtr _context;

    /// <summary>Creates the context (GL 4.5 core, else 3.3 core). It is not current until <see cref="MakeCurrent"/>.</summary>
    /// <param name="width">Nominal width of what will be rendered (the size render targets are usually made at).</param>
    /// <param name="height">Nominal height.</param>
    /// <param name="resetNotification">
    /// Ask for reset notification (the default, where EGL allows it); false: a context like GLX's under Xvfb, without it
    /// (tests of the fallback check).
    /// </param>
    public EglSurfacelessContext(int width = 1280, int height = 720, bool resetNotification = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        (Width, Height) = (width, height);
        _display = EglSurfacelessDisplay.Acquire();
        try
        {
            _context = CreateContext(_display, resetNotification, out int major, out int minor);
            Description = $"EGL {EglSurfacelessDisplay.EglVersion} surfaceless, GL {major}.{minor} core";
        }
        catch
        {
            EglSurfacelessDisplay.Release();
            throw;
        }
    }

    /// <inheritdoc/>
    public string Description { get; }

    /// <inheritdoc/>
    public int Width { get; }

    /// <inheritdoc/>
    public int Height { get; }

    /// <inheritdoc/>
    public bool HasDefaultFramebuffer => false;

    /// <inheritdoc/>
    public IntPtr GetProcAddress(string name) => EglNative.GetProcAddress(name);

    /// <inheritdoc/>
    public void MakeCurrent()
    {
        ObjectDisposedException.ThrowIf(_context == IntPtr.Zero, this);
        if (!EglNative.MakeCurrent(_display, IntPtr.Zero, IntPtr.Zero, _context))
            throw new GLContextException($"eglMakeCurrent with EGL_NO_SURFACE failed: {EglNative.LastError()}");
    }

    /// <inheritdoc/>
    public void SwapBuffers() { }

    /// <summary>Releases the context from this thread if current there, destroys it and drops the shared display.</summary>
    public void Dispose()
    {
        if (_context == IntPtr.Zero) return;
        if (EglNative.GetCurrentContext() == _context)
            EglNative.MakeCurrent(_display, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero);
        EglNative.DestroyContext(_display, _context);
        _context = IntPtr.Zero;
        EglSurfacelessDisplay.Release();
    }

    private static IntPtr CreateContext(IntPtr display, bool askResetNotification, out int major, out int minor)
    {
        if (!EglNative.BindApi(EglNative.OpenGLApi))
            throw new GLContextException($"eglBindAPI(EGL_OPENGL_API) failed: {EglNative.LastError()} (this EGL offers no desktop OpenGL)");

        // Surface type 0: any config, since surfaceless configs may lack EGL_WINDOW_BIT (the default requirement).
        ReadOnlySpan<int> configAttributes =
        [
            EglNative.RenderableType, EglNative.OpenGLBit, EglNative.SurfaceType, 0,
            EglNative.RedSize, 8, EglNative.GreenSize, 8, EglNative.BlueSize, 8, EglNative.AlphaSize, 8,
            EglNative.None,
        ];
        if (!EglNative.ChooseConfig(display, configAttributes, out IntPtr config, out int count) || count == 0)
            throw new GLContextException($"eglChooseConfig found no RGBA8 desktop OpenGL config: {EglNative.LastError()}");

        // Reset notification first (EGL 1.5 core attribute; Mesa 22 offers it on llvmpipe), so that GlContextLoss can
        // see a driver reset; an EGL that refuses it still gets a context, one whose resets go unnoticed.
        string errors = "";
        foreach ((int maj, int min) in VersionsToTry)
            foreach (bool resetNotification in (ReadOnlySpan<bool>)[true, false])
            {
                if (resetNotification && !askResetNotification) continue;
                ReadOnlySpan<int> contextAttributes = resetNotification
                    ? [
                        EglNative.ContextMajorVersion, maj, EglNative.ContextMinorVersion, min,
                        EglNative.ContextOpenGLProfileMask, EglNative.ContextOpenGLCoreProfileBit,
                        EglNative.ContextOpenGLResetNotificationStrategy, EglNative.LoseContextOnReset,
                        EglNative.None,
                    ]
                    : [
                        EglNative.ContextMajorVersion, maj, EglNative.ContextMinorVersion, min,
                        EglNative.ContextOpenGLProfileMask, EglNative.ContextOpenGLCoreProfileBit,
                        EglNative.None,
                    ];
                IntPtr context = EglNative.CreateContext(display, config, contextAttributes);
                if (context != IntPtr.Zero)
                {
                    (major, minor) = (maj, min);
                    return context;
                }
                errors += $" GL {maj}.{min} core{(resetNotification ? " with reset notification" : "")}: {EglNative.LastError()};";
            }
        throw new GLContextException($"eglCreateContext failed for every version tried:{errors.TrimEnd(';')}");
    }
}

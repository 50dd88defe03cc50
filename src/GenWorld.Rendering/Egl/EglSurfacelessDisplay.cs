namespace GenWorld.Rendering.Egl;

/// <summary>
/// The process-wide surfaceless EGL display. EGL hands back the same display for every eglGetPlatformDisplay call,
/// and eglTerminate would pull it from under every other context, so contexts share it through a reference count.
/// </summary>
internal static class EglSurfacelessDisplay
{
    private static readonly Lock Gate = new();
    private static IntPtr _display;
    private static int _users;

    /// <summary>EGL version reported by eglInitialize, e.g. "1.5".</summary>
    public static string EglVersion { get; private set; } = "";

    public static IntPtr Acquire()
    {
        lock (Gate)
        {
            if (_users == 0) _display = Open();
            _users++;
            return _display;
        }
    }

    public static void Release()
    {
        lock (Gate)
        {
            if (_users == 0) return;
            if (--_users == 0)
            {
                EglNative.Terminate(_display);
                _display = IntPtr.Zero;
            }
        }
    }

    private static IntPtr Open()
    {
        // Client extensions are queried on EGL_NO_DISPLAY; without this one Mesa cannot give a display-less context.
        string clientExtensions = EglNative.QueryString(IntPtr.Zero, EglNative.Extensions) ?? "";
        if (!clientExtensions.Contains("EGL_MESA_platform_surfaceless", StringComparison.Ordinal))
            throw new GLContextException(
                "EGL does not offer EGL_MESA_platform_surfaceless, so headless rendering is unavailable. " +
                "Install Mesa's EGL driver: sudo apt-get install libegl-mesa0 libgl1-mesa-dri");

        IntPtr display = EglNative.GetPlatformDisplay(EglNative.PlatformSurfacelessMesa);
        if (display == IntPtr.Zero)
            throw new GLContextException($"eglGetPlatformDisplay(EGL_PLATFORM_SURFACELESS_MESA) failed: {EglNative.LastError()}");
        if (!EglNative.Initialize(display, out int major, out int minor))
            throw new GLContextException($"eglInitialize on the surfaceless display failed: {EglNative.LastError()}");
        EglVersion = $"{major}.{minor}";
        return display;
    }
}

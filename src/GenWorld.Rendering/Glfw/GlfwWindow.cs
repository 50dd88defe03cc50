using System.Numerics;
using System.Runtime.InteropServices;
using GenWorld.Core.Native;

namespace GenWorld.Rendering.Glfw;

/// <summary>
/// A desktop window with an OpenGL 3.3+ core context and keyboard/mouse input, through GLFW 3.
/// Create, use and dispose it on one thread (GLFW requires the main thread for event polling on some platforms).
/// </summary>
public sealed unsafe class GlfwWindow : IGLContext
{
    private IntPtr _window;
    private GCHandle _self;

    /// <summary>Opens the window. Throws <see cref="DisplayUnavailableException"/> when there is no display server.</summary>
    public GlfwWindow(GlfwWindowOptions options)
    {
        options.Validate();
        // Checked before glfwInit: GLFW's own message ("X11: The DISPLAY environment variable is missing") names no way out.
        if (string.IsNullOrEmpty(Libc.GetEnv("DISPLAY")) && string.IsNullOrEmpty(Libc.GetEnv("WAYLAND_DISPLAY")))
            throw new DisplayUnavailableException();

        GlfwLibrary.Acquire();
        try
        {
            _window = Create(options);
        }
        catch
        {
            GlfwLibrary.Release();
            throw;
        }
        _self = GCHandle.Alloc(this);
        GlfwNative.SetWindowUserPointer(_window, GCHandle.ToIntPtr(_self));
        GlfwNative.SetKeyCallback(_window, &OnKey);
        GlfwNative.SetMouseButtonCallback(_window, &OnMouseButton);
        GlfwNative.SetCursorPosCallback(_window, &OnCursor);
        GlfwNative.SetScrollCallback(_window, &OnScroll);

        MakeCurrent();
        GlfwNative.SwapInterval(options.VSync ? 1 : 0);
        Description = $"GLFW {GlfwNative.VersionString().Split(' ')[0]} window, GL {options.GLMajor}.{options.GLMinor}+ core";
    }

    /// <inheritdoc/>
    public string Description { get; }

    /// <summary>Keyboard and mouse state, updated by <see cref="PollEvents"/>.</summary>
    public InputState Input { get; } = new();

    /// <summary>Framebuffer width in pixels (may differ from the window size on high-DPI screens).</summary>
    public int Width => FramebufferSize.Width;

    /// <summary>Framebuffer height in pixels.</summary>
    public int Height => FramebufferSize.Height;

    /// <summary>Framebuffer size in pixels, asked of GLFW each time so resizes are seen at once.</summary>
    public (int Width, int Height) FramebufferSize => GlfwNative.GetFramebufferSize(Handle);

    /// <inheritdoc/>
    public bool HasDefaultFramebuffer => true;

    /// <summary>True when the cursor is hidden over the window (a kiosk window).</summary>
    public bool IsCursorHidden => GlfwNative.GetInputMode(Handle, GlfwNative.CursorMode) == GlfwNative.CursorHidden;

    /// <summary>True once the user asked to close the window (or <see cref="RequestClose"/> was called).</summary>
    public bool CloseRequested => GlfwNative.WindowShouldClose(Handle);

    private IntPtr Handle => _window != IntPtr.Zero ? _window : throw new ObjectDisposedException(nameof(GlfwWindow));

    /// <summary>Asks the game loop to stop (sets GLFW's should-close flag).</summary>
    public void RequestClose() => GlfwNative.SetWindowShouldClose(Handle, true);

    /// <summary>Processes pending window and input events, updating <see cref="Input"/>.</summary>
    public void PollEvents()
    {
        _ = Handle;
        Input.BeginFrame();
        GlfwNative.PollEvents();
    }

    /// <inheritdoc/>
    public IntPtr GetProcAddress(string name) => GlfwNative.GetProcAddress(name);

    /// <inheritdoc/>
    public void MakeCurrent() => GlfwNative.MakeContextCurrent(Handle);

    /// <inheritdoc/>
    public void SwapBuffers() => GlfwNative.SwapBuffers(Handle);

    /// <summary>Destroys the window and its context; the last window terminates GLFW.</summary>
    public void Dispose()
    {
        if (_window == IntPtr.Zero) return;
        if (GlfwNative.GetCurrentContext() == _window) GlfwNative.MakeContextCurrent(IntPtr.Zero);
        GlfwNative.DestroyWindow(_window);
        _window = IntPtr.Zero;
        _self.Free();
        GlfwLibrary.Release();
    }

    private static IntPtr Create(GlfwWindowOptions options)
    {
        GlfwNative.DefaultWindowHints();
        GlfwNative.WindowHint(GlfwNative.ClientApi, GlfwNative.OpenGLApi);
        GlfwNative.WindowHint(GlfwNative.ContextVersionMajor, options.GLMajor);
        GlfwNative.WindowHint(GlfwNative.ContextVersionMinor, options.GLMinor);
        GlfwNative.WindowHint(GlfwNative.OpenGLProfile, GlfwNative.OpenGLCoreProfile);
        GlfwNative.WindowHint(GlfwNative.OpenGLForwardCompat, GlfwNative.True);
        GlfwNative.WindowHint(GlfwNative.DepthBits, 24);
        // So that a driver reset is reported (GlContextLoss); GLFW leaves the hint out where GLX/EGL lacks robustness.
        GlfwNative.WindowHint(GlfwNative.ContextRobustness, GlfwNative.LoseContextOnReset);
        GlfwNative.WindowHint(GlfwNative.Visible, options.Visible ? GlfwNative.True : GlfwNative.False);
        (int width, int height, IntPtr monitor) = (options.Width, options.Height, IntPtr.Zero);
        if (options.Kiosk)
        {
            // "Windowed full screen": the monitor's own mode, so the display never switches resolution.
            monitor = GlfwNative.GetPrimaryMonitor();
            (int w, int h, _) = monitor == IntPtr.Zero ? default : GlfwNative.GetVideoMode(monitor);
            if (w <= 0 || h <= 0)
                throw new GLContextException($"kiosk: no primary monitor to fill ({GlfwLibrary.TakeError() ?? "GLFW reports none"}).");
            (width, height) = (w, h);
            GlfwNative.WindowHint(GlfwNative.Decorated, GlfwNative.False);
        }
        IntPtr window = GlfwNative.CreateWindow(width, height, options.Title, monitor);
        if (window == IntPtr.Zero)
            throw new GLContextException(
                $"glfwCreateWindow ({width}x{height}, GL {options.GLMajor}.{options.GLMinor} core) failed: " +
                (GlfwLibrary.TakeError() ?? "GLFW gave no reason"));
        if (options.Kiosk) GlfwNative.SetInputMode(window, GlfwNative.CursorMode, GlfwNative.CursorHidden);
        return window;
    }

    private static InputState? InputOf(IntPtr window)
    {
        IntPtr user = GlfwNative.GetWindowUserPointer(window);
        return user == IntPtr.Zero ? null : (GCHandle.FromIntPtr(user).Target as GlfwWindow)?.Input;
    }

    [UnmanagedCallersOnly]
    private static void OnKey(IntPtr window, int key, int scancode, int action, int mods) =>
        InputOf(window)?.OnKey(key, action != GlfwNative.Release, action == 2);

    [UnmanagedCallersOnly]
    private static void OnMouseButton(IntPtr window, int button, int action, int mods) =>
        InputOf(window)?.OnMouseButton(button, action == GlfwNative.Press);

    [UnmanagedCallersOnly]
    private static void OnCursor(IntPtr window, double x, double y) => InputOf(window)?.OnCursor(new Vector2((float)x, (float)y));

    [UnmanagedCallersOnly]
    private static void OnScroll(IntPtr window, double x, double y) => InputOf(window)?.OnScroll(new Vector2((float)x, (float)y));
}

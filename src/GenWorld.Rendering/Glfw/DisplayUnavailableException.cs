namespace GenWorld.Rendering.Glfw;

/// <summary>A window was asked for but there is no display server to show it on.</summary>
public sealed class DisplayUnavailableException : Exception
{
    /// <summary>Creates the exception; the message says there is no display and what to do instead.</summary>
    public DisplayUnavailableException()
        : base("No display: neither DISPLAY nor WAYLAND_DISPLAY is set, so a window cannot open. " +
               "Render headless instead (EGL surfaceless rendering to an image, e.g. `genworld render`), " +
               "or start a virtual display first (Xvfb :99 -screen 0 1280x720x24 & export DISPLAY=:99).")
    {
    }
}

namespace GenWorld.Rendering.Glfw;

/// <summary>How to open a <see cref="GlfwWindow"/>.</summary>
/// <param name="Title">Window title.</param>
/// <param name="Width">Client width in screen coordinates.</param>
/// <param name="Height">Client height in screen coordinates.</param>
/// <param name="VSync">Swap on vertical blank (swap interval 1) instead of as fast as possible.</param>
/// <param name="Visible">False for an off-screen window (probes, tests that only need a context).</param>
/// <param name="GLMajor">Requested core-profile major version (3.3 is the minimum we render with).</param>
/// <param name="GLMinor">Requested minor version.</param>
/// <param name="Kiosk">
/// An installation screen: the window covers the primary monitor at its current mode (no mode switch, no decorations;
/// <paramref name="Width"/> and <paramref name="Height"/> are ignored) and the cursor is hidden over it.
/// </param>
public sealed record GlfwWindowOptions(string Title = "GenWorld", int Width = 1280, int Height = 720,
    bool VSync = true, bool Visible = true, int GLMajor = 3, int GLMinor = 3, bool Kiosk = false)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad field.</summary>
    public void Validate()
    {
        if (Width is < 1 or > 16384) throw new ArgumentException($"Width must be 1..16384 pixels, got {Width}.", nameof(Width));
        if (Height is < 1 or > 16384) throw new ArgumentException($"Height must be 1..16384 pixels, got {Height}.", nameof(Height));
        if (GLMajor < 3 || (GLMajor == 3 && GLMinor < 3))
            throw new ArgumentException($"GL {GLMajor}.{GLMinor} requested; the renderer needs a 3.3+ core profile.", nameof(GLMajor));
    }
}

using GenWorld.Rendering;

namespace GenWorld.Host.Surfaces;

/// <summary>
/// A surface that draws nothing (osu-framework's <c>DummyRenderer</c>): the host then skips the renderer entirely, so
/// plain unit tests run the world and its voices frame by frame with no GL driver at all.
/// </summary>
public sealed class NullSurface(int width = 1280, int height = 720) : IGLContext
{
    /// <inheritdoc/>
    public string Description => "null surface (nothing drawn)";

    /// <inheritdoc/>
    public int Width { get; } = width;

    /// <inheritdoc/>
    public int Height { get; } = height;

    /// <inheritdoc/>
    public bool HasDefaultFramebuffer => false;

    /// <inheritdoc/>
    public IntPtr GetProcAddress(string name) => IntPtr.Zero;

    /// <inheritdoc/>
    public void MakeCurrent() { }

    /// <inheritdoc/>
    public void SwapBuffers() { }

    /// <inheritdoc/>
    public void Dispose() { }
}

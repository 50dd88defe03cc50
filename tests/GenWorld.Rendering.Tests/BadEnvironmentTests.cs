using GenWorld.Core.Native;
using GenWorld.Rendering.Glfw;

namespace GenWorld.Rendering.Tests;

[Collection(NativeGlCollection.Name)]
public sealed class BadEnvironmentTests
{
    [Fact]
    public void Window_without_display_throws_and_names_headless_fallback()
    {
        string? display = Libc.GetEnv("DISPLAY");
        string? wayland = Libc.GetEnv("WAYLAND_DISPLAY");
        Libc.UnsetEnv("DISPLAY");
        Libc.UnsetEnv("WAYLAND_DISPLAY");
        try
        {
            var error = Assert.Throws<DisplayUnavailableException>(() => new GlfwWindow(new GlfwWindowOptions()));
            Assert.Contains("No display", error.Message, StringComparison.Ordinal);
            Assert.Contains("headless", error.Message, StringComparison.Ordinal);
            Assert.Contains("genworld render", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            if (display is not null) Libc.SetEnv("DISPLAY", display);
            if (wayland is not null) Libc.SetEnv("WAYLAND_DISPLAY", wayland);
        }
    }

    [Fact]
    public void Missing_native_library_names_the_package()
    {
        var missing = new NativeLibraryInfo("libgenworld-missing.so.9", "some-package", "testing");
        var error = Assert.Throws<MissingNativeLibraryException>(() => NativeLibraries.Load(missing));
        Assert.Contains("some-package", error.Message, StringComparison.Ordinal);
        Assert.Contains("libgenworld-missing.so.9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_window_options_name_the_field()
    {
        var error = Assert.Throws<ArgumentException>(() => new GlfwWindowOptions(Width: 0).Validate());
        Assert.Contains("Width", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new GlfwWindowOptions(GLMajor: 3, GLMinor: 2).Validate());
    }
}

using GenWorld.Cli.Commands;
using GenWorld.Core.Native;
using GenWorld.Host.Windowed;

namespace GenWorld.Cli.Tests;

/// <summary><c>genworld explore</c> without a display refuses politely and points to <c>render</c>.</summary>
[Collection("Native")]
public sealed class ExploreCommandTests
{
    [Fact]
    public void Without_a_display_explore_says_so_and_exits()
    {
        string? display = Libc.GetEnv("DISPLAY"), wayland = Libc.GetEnv("WAYLAND_DISPLAY");
        Libc.UnsetEnv("DISPLAY");
        Libc.UnsetEnv("WAYLAND_DISPLAY");
        var error = new StringWriter();
        TextWriter previous = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.Equal(3, ExploreCommand.Run(new ExploreSettings { Model = "models/notes-vae", Seconds = 1 }));
            Assert.Contains("genworld render", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Console.SetError(previous);
            if (display is not null) Libc.SetEnv("DISPLAY", display);
            if (wayland is not null) Libc.SetEnv("WAYLAND_DISPLAY", wayland);
        }
    }
}

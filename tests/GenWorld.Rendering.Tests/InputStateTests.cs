using System.Numerics;
using GenWorld.Rendering.Glfw;

namespace GenWorld.Rendering.Tests;

public sealed class InputStateTests
{
    [Fact]
    public void Key_presses_last_one_frame_and_repeats_do_not_count()
    {
        var input = new InputState();
        input.BeginFrame();
        input.OnKey((int)Key.W, down: true, repeat: false);
        Assert.True(input.IsKeyDown(Key.W));
        Assert.True(input.WasKeyPressed(Key.W));

        input.BeginFrame();
        input.OnKey((int)Key.W, down: true, repeat: true);
        Assert.True(input.IsKeyDown(Key.W));
        Assert.False(input.WasKeyPressed(Key.W));

        input.BeginFrame();
        input.OnKey((int)Key.W, down: false, repeat: false);
        input.OnKey(-1, down: true, repeat: false); // GLFW_KEY_UNKNOWN is ignored, not an index error
        Assert.False(input.IsKeyDown(Key.W));
    }

    [Fact]
    public void Cursor_delta_and_scroll_cover_one_frame()
    {
        var input = new InputState();
        input.BeginFrame();
        input.OnCursor(new Vector2(100, 50));
        Assert.Equal(Vector2.Zero, input.CursorDelta); // first event: no jump from (0,0)

        input.BeginFrame();
        input.OnCursor(new Vector2(103, 46));
        input.OnCursor(new Vector2(110, 40));
        input.OnScroll(new Vector2(0, 1));
        input.OnScroll(new Vector2(0, 2));
        input.OnMouseButton((int)MouseButton.Right, down: true);
        Assert.Equal(new Vector2(10, -10), input.CursorDelta);
        Assert.Equal(new Vector2(0, 3), input.ScrollDelta);
        Assert.True(input.IsMouseButtonDown(MouseButton.Right));

        input.BeginFrame();
        Assert.Equal(Vector2.Zero, input.CursorDelta);
        Assert.Equal(Vector2.Zero, input.ScrollDelta);
        Assert.True(input.IsMouseButtonDown(MouseButton.Right));
    }
}

using System.Numerics;

namespace GenWorld.Rendering.Glfw;

/// <summary>
/// Keyboard and mouse state of a window, polled by the game loop. GLFW's callbacks write it during
/// <see cref="GlfwWindow.PollEvents"/>; per-frame values (deltas, presses) cover the events of the last poll.
/// </summary>
public sealed class InputState
{
    private const int KeyCount = 349; // GLFW_KEY_LAST + 1
    private const int ButtonCount = 8;

    private readonly bool[] _keysDown = new bool[KeyCount];
    private readonly bool[] _keysPressed = new bool[KeyCount];
    private readonly bool[] _buttonsDown = new bool[ButtonCount];
    private bool _hasCursor;
    private Vector2 _cursorAtFrameStart;

    /// <summary>Cursor position in window coordinates (pixels from the top-left).</summary>
    public Vector2 CursorPosition { get; private set; }

    /// <summary>How far the cursor moved during the last poll (zero on the first event, so no jump).</summary>
    public Vector2 CursorDelta => _hasCursor ? CursorPosition - _cursorAtFrameStart : Vector2.Zero;

    /// <summary>Scroll wheel movement during the last poll (y is the usual vertical wheel).</summary>
    public Vector2 ScrollDelta { get; private set; }

    /// <summary>Whether <paramref name="key"/> is held down now.</summary>
    public bool IsKeyDown(Key key) => InRange((int)key, KeyCount) && _keysDown[(int)key];

    /// <summary>Whether <paramref name="key"/> went down during the last poll (key repeats excluded).</summary>
    public bool WasKeyPressed(Key key) => InRange((int)key, KeyCount) && _keysPressed[(int)key];

    /// <summary>Whether <paramref name="button"/> is held down now.</summary>
    public bool IsMouseButtonDown(MouseButton button) => InRange((int)button, ButtonCount) && _buttonsDown[(int)button];

    /// <summary>Starts a new frame of events: clears deltas and presses (called before glfwPollEvents).</summary>
    internal void BeginFrame()
    {
        Array.Clear(_keysPressed);
        ScrollDelta = Vector2.Zero;
        _cursorAtFrameStart = CursorPosition;
    }

    internal void OnKey(int key, bool down, bool repeat)
    {
        if (!InRange(key, KeyCount)) return; // GLFW_KEY_UNKNOWN is -1
        if (down && !repeat && !_keysDown[key]) _keysPressed[key] = true;
        _keysDown[key] = down;
    }

    internal void OnMouseButton(int button, bool down)
    {
        if (InRange(button, ButtonCount)) _buttonsDown[button] = down;
    }

    internal void OnCursor(Vector2 position)
    {
        if (!_hasCursor)
        {
            _hasCursor = true;
            _cursorAtFrameStart = position;
        }
        CursorPosition = position;
    }

    internal void OnScroll(Vector2 offset) => ScrollDelta += offset;

    private static bool InRange(int value, int count) => value >= 0 && value < count;
}

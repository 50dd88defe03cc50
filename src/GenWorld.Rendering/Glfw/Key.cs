namespace GenWorld.Rendering.Glfw;

/// <summary>Keyboard keys, with GLFW's key codes (US layout names). Codes not listed here still work as casts.</summary>
public enum Key
{
    /// <summary>Space bar.</summary>
    Space = 32,
    /// <summary>Digit 0 (1-9 follow at 49-57).</summary>
    D0 = 48,
    /// <summary>Letter A (B-Z follow at 66-90).</summary>
    A = 65,
    /// <summary>Letter D.</summary>
    D = 68,
    /// <summary>Letter E.</summary>
    E = 69,
    /// <summary>Letter Q.</summary>
    Q = 81,
    /// <summary>Letter S.</summary>
    S = 83,
    /// <summary>Letter W.</summary>
    W = 87,
    /// <summary>Escape.</summary>
    Escape = 256,
    /// <summary>Enter.</summary>
    Enter = 257,
    /// <summary>Tab.</summary>
    Tab = 258,
    /// <summary>Backspace.</summary>
    Backspace = 259,
    /// <summary>Arrow right.</summary>
    Right = 262,
    /// <summary>Arrow left.</summary>
    Left = 263,
    /// <summary>Arrow down.</summary>
    Down = 264,
    /// <summary>Arrow up.</summary>
    Up = 265,
    /// <summary>F1 (F2-F12 follow at 291-301).</summary>
    F1 = 290,
    /// <summary>Left shift.</summary>
    LeftShift = 340,
    /// <summary>Left control.</summary>
    LeftControl = 341,
    /// <summary>Left alt.</summary>
    LeftAlt = 342,
    /// <summary>Right shift.</summary>
    RightShift = 344,
    /// <summary>Right control.</summary>
    RightControl = 345,
    /// <summary>Right alt.</summary>
    RightAlt = 346,
}

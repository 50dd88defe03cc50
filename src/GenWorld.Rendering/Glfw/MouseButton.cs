namespace GenWorld.Rendering.Glfw;

/// <summary>Mouse buttons, with GLFW's codes.</summary>
public enum MouseButton
{
    /// <summary>Left button.</summary>
    Left = 0,
    /// <summary>Right button.</summary>
    Right = 1,
    /// <summary>Middle button (wheel click).</summary>
    Middle = 2,
}

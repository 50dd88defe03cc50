namespace GenWorld.Rendering.Resources;

/// <summary>The kinds of GL object <see cref="GlDevice"/> creates and counts.</summary>
public enum GlObjectKind
{
    /// <summary>Vertex, instance or index buffer.</summary>
    Buffer,
    /// <summary>Vertex array object.</summary>
    VertexArray,
    /// <summary>Texture.</summary>
    Texture,
    /// <summary>Renderbuffer (depth attachments).</summary>
    Renderbuffer,
    /// <summary>Framebuffer object.</summary>
    Framebuffer,
    /// <summary>Shader stage (deleted once linked).</summary>
    Shader,
    /// <summary>Linked program.</summary>
    Program,
}

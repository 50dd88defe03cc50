using Silk.NET.OpenGL;

namespace GenWorld.Rendering.Resources;

/// <summary>A vertex array object: which buffers feed which shader inputs, and which advance per instance.</summary>
public sealed class GlVertexArray : IDisposable
{
    private readonly GlDevice _device;
    private uint _vao;

    /// <summary>Creates an empty vertex array.</summary>
    public GlVertexArray(GlDevice device)
    {
        _device = device;
        _vao = device.Create(GlObjectKind.VertexArray);
    }

    /// <summary>Binds the vertex array.</summary>
    public void Bind()
    {
        ObjectDisposedException.ThrowIf(_vao == 0, this);
        _device.Gl.BindVertexArray(_vao);
    }

    /// <summary>Feeds shader input <paramref name="location"/> from <paramref name="buffer"/>.</summary>
    /// <param name="location">The <c>layout(location = N)</c> of the input.</param>
    /// <param name="buffer">Source buffer.</param>
    /// <param name="components">1 to 4 values per vertex.</param>
    /// <param name="type">Type of each value in the buffer.</param>
    /// <param name="normalized">Map integer values to 0..1 (e.g. RGBA8 colours).</param>
    /// <param name="strideBytes">Bytes from one element to the next.</param>
    /// <param name="offsetBytes">Byte offset of the first value.</param>
    /// <param name="divisor">0: per vertex; 1: per instance.</param>
    public unsafe void SetAttribute(uint location, GlBuffer buffer, int components, VertexAttribPointerType type,
        bool normalized, int strideBytes, int offsetBytes, uint divisor = 0)
    {
        if (components is < 1 or > 4) throw new ArgumentOutOfRangeException(nameof(components), $"An attribute has 1..4 components, got {components}.");
        GL gl = _device.Gl;
        Bind();
        buffer.Bind();
        gl.EnableVertexAttribArray(location);
        gl.VertexAttribPointer(location, components, type, normalized, (uint)strideBytes, (void*)offsetBytes);
        gl.VertexAttribDivisor(location, divisor);
        gl.BindVertexArray(0);
    }

    /// <summary>Deletes the vertex array (queued to the owning thread if called elsewhere).</summary>
    public void Dispose()
    {
        _device.Delete(GlObjectKind.VertexArray, _vao);
        _vao = 0;
    }
}

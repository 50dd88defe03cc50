using Silk.NET.OpenGL;

namespace GenWorld.Rendering.Resources;

/// <summary>A GL buffer object (vertices, instances or indices) sized in bytes.</summary>
public sealed class GlBuffer : IDisposable
{
    private readonly GlDevice _device;
    private uint _buffer;

    /// <summary>Creates an empty buffer for <paramref name="target"/>; fill it with <see cref="SetData{T}"/>.</summary>
    public GlBuffer(GlDevice device, BufferTargetARB target, BufferUsageARB usage)
    {
        _device = device;
        Target = target;
        Usage = usage;
        _buffer = device.Create(GlObjectKind.Buffer);
    }

    /// <summary>The binding point this buffer is used with.</summary>
    public BufferTargetARB Target { get; }

    /// <summary>The usage hint given to GL (static for meshes, dynamic/stream for per-frame instances).</summary>
    public BufferUsageARB Usage { get; }

    /// <summary>Current size of the storage in bytes.</summary>
    public long SizeInBytes { get; private set; }

    /// <summary>The GL buffer object.</summary>
    public uint Handle => _buffer;

    /// <summary>Binds the buffer to its target.</summary>
    public void Bind()
    {
        ObjectDisposedException.ThrowIf(_buffer == 0, this);
        _device.Gl.BindBuffer(Target, _buffer);
    }

    /// <summary>Replaces the whole storage with <paramref name="data"/> (reallocates; old contents are orphaned, so no stall).</summary>
    public unsafe void SetData<T>(ReadOnlySpan<T> data) where T : unmanaged
    {
        Bind();
        SizeInBytes = (long)data.Length * sizeof(T);
        fixed (T* p = data)
            _device.Gl.BufferData(Target, (nuint)SizeInBytes, p, Usage);
    }

    /// <summary>Overwrites part of the storage starting at <paramref name="offsetBytes"/>; the range must fit.</summary>
    public unsafe void Update<T>(ReadOnlySpan<T> data, long offsetBytes = 0) where T : unmanaged
    {
        long bytes = (long)data.Length * sizeof(T);
        if (offsetBytes < 0 || offsetBytes + bytes > SizeInBytes)
            throw new ArgumentOutOfRangeException(nameof(offsetBytes), $"Writing {bytes} bytes at {offsetBytes} overruns the {SizeInBytes}-byte buffer.");
        Bind();
        fixed (T* p = data)
            _device.Gl.BufferSubData(Target, (nint)offsetBytes, (nuint)bytes, p);
    }

    /// <summary>Deletes the buffer (queued to the owning thread if called elsewhere).</summary>
    public void Dispose()
    {
        _device.Delete(GlObjectKind.Buffer, _buffer);
        _buffer = 0;
    }
}

using System.Collections.Concurrent;
using GenWorld.Rendering.Diagnostics;
using GenWorld.Rendering.Resources;
using Silk.NET.OpenGL;

namespace GenWorld.Rendering;

/// <summary>
/// The GL API bound to one context and the thread it is current on. Every GL object is created through it and deleted
/// through it: a Dispose on another thread is queued and carried out on the owning thread at the next
/// <see cref="ProcessPendingDeletions"/>, and <see cref="LiveObjects"/> counts what is still alive.
/// </summary>
public sealed class GlDevice : IDisposable
{
    private readonly ConcurrentQueue<(GlObjectKind Kind, uint Handle)> _pendingDeletes = new();
    private readonly int _ownerThread;
    private bool _disposed;

    /// <summary>Makes <paramref name="context"/> current on the calling thread, which then owns every GL object made here.</summary>
    public GlDevice(IGLContext context)
    {
        Context = context;
        Gl = context.CreateGL();
        _ownerThread = Environment.CurrentManagedThreadId;
        Renderer = Gl.GetStringS(StringName.Renderer) ?? "unknown";
        Version = Gl.GetStringS(StringName.Version) ?? "unknown";
        ContextLoss = new GlContextLoss(Gl);
    }

    /// <summary>The context this device draws with (not owned: the caller disposes it after the device).</summary>
    public IGLContext Context { get; }

    /// <summary>Silk.NET's GL API for direct calls; use it only on the owning thread.</summary>
    public GL Gl { get; }

    /// <summary>GL_RENDERER, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)".</summary>
    public string Renderer { get; }

    /// <summary>GL_VERSION, e.g. "4.5 (Core Profile) Mesa 22.3.6".</summary>
    public string Version { get; }

    /// <summary>Whether the driver reset the context (check once a frame; a lost context needs a fresh device and renderer).</summary>
    public GlContextLoss ContextLoss { get; }

    /// <summary>GL objects created through this device and not yet deleted.</summary>
    public GlObjectCounts LiveObjects { get; } = new();

    /// <summary>Whether the calling thread owns the context.</summary>
    public bool IsOwnerThread => Environment.CurrentManagedThreadId == _ownerThread;

    /// <summary>Deletes objects whose Dispose ran on another thread. Call once a frame on the owning thread.</summary>
    public void ProcessPendingDeletions()
    {
        ThrowIfNotOwner("process pending deletions");
        while (_pendingDeletes.TryDequeue(out var item)) DeleteNow(item.Kind, item.Handle);
    }

    /// <summary>Deletes what is pending and releases the GL API; live objects at this point are leaks by their owners.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        if (IsOwnerThread) ProcessPendingDeletions();
        _disposed = true;
        Gl.Dispose();
    }

    internal uint Create(GlObjectKind kind, ShaderType shaderType = ShaderType.VertexShader)
    {
        ThrowIfNotOwner($"create a {kind}");
        uint handle = kind switch
        {
            GlObjectKind.Buffer => Gl.GenBuffer(),
            GlObjectKind.VertexArray => Gl.GenVertexArray(),
            GlObjectKind.Texture => Gl.GenTexture(),
            GlObjectKind.Renderbuffer => Gl.GenRenderbuffer(),
            GlObjectKind.Framebuffer => Gl.GenFramebuffer(),
            GlObjectKind.Shader => Gl.CreateShader(shaderType),
            GlObjectKind.Program => Gl.CreateProgram(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        if (handle == 0) throw new GLContextException($"GL could not create a {kind} (GL error {Gl.GetError()}).");
        LiveObjects.Created(kind);
        return handle;
    }

    internal void Delete(GlObjectKind kind, uint handle)
    {
        if (handle == 0 || _disposed) return;
        if (IsOwnerThread) DeleteNow(kind, handle);
        else _pendingDeletes.Enqueue((kind, handle));
    }

    private void DeleteNow(GlObjectKind kind, uint handle)
    {
        switch (kind)
        {
            case GlObjectKind.Buffer: Gl.DeleteBuffer(handle); break;
            case GlObjectKind.VertexArray: Gl.DeleteVertexArray(handle); break;
            case GlObjectKind.Texture: Gl.DeleteTexture(handle); break;
            case GlObjectKind.Renderbuffer: Gl.DeleteRenderbuffer(handle); break;
            case GlObjectKind.Framebuffer: Gl.DeleteFramebuffer(handle); break;
            case GlObjectKind.Shader: Gl.DeleteShader(handle); break;
            case GlObjectKind.Program: Gl.DeleteProgram(handle); break;
        }
        LiveObjects.Deleted(kind);
    }

    internal void ThrowIfNotOwner(string action)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!IsOwnerThread)
            throw new InvalidOperationException(
                $"Cannot {action} on thread {Environment.CurrentManagedThreadId}: the GL context belongs to thread {_ownerThread}.");
    }
}

using GenWorld.Audio.Native;

namespace GenWorld.Audio.OpenAl;

/// <summary>
/// An AL object name (buffer, source, effect, slot) owned by one context. Disposing deletes it with that
/// context current; the context disposes whatever is still alive when it goes.
/// </summary>
public abstract class AlObject : IDisposable
{
    private readonly string _kind;

    private protected AlObject(AlContext context, uint name, string kind)
    {
        Context = context;
        Name = name;
        _kind = kind;
        AlLiveObjects.Created(kind);
        context.Track(this);
    }

    /// <summary>The context that owns this object.</summary>
    public AlContext Context { get; }

    /// <summary>The AL object name (id).</summary>
    public uint Name { get; }

    /// <summary>
    /// When a closing context frees what is left: lower first. Sources (0) hold effect slots and buffers, effect slots (1)
    /// hold effects; each kind says its own place, so this layer needs no knowledge of the EFX types.
    /// </summary>
    internal virtual int DeleteOrder => 2;

    /// <summary>True once disposed.</summary>
    public bool IsDisposed { get; private set; }

    internal OpenAlApis Api => Context.Api;

    /// <summary>Deletes the AL object.</summary>
    public void Dispose()
    {
        if (IsDisposed) return;
        Context.MakeCurrent();
        DeleteCore();
        AlErrors.CheckAl(Api, $"delete {_kind} {Name}");
        IsDisposed = true;
        AlLiveObjects.Destroyed(_kind);
        Context.Untrack(this);
        GC.SuppressFinalize(this);
    }

    /// <summary>Frees the AL name; the context is current.</summary>
    private protected abstract void DeleteCore();

    /// <summary>Makes the owning context current and fails clearly on use after dispose.</summary>
    private protected void Use()
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        Context.MakeCurrent();
    }

    /// <summary>Throws naming <paramref name="call"/> if the last AL call failed.</summary>
    private protected void Check(string call) => AlErrors.CheckAl(Api, call);
}

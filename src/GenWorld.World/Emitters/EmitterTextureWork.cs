using GenWorld.Inference.Generation;

namespace GenWorld.World.Emitters;

/// <summary>
/// Textures for emitter objects from the texture GAN, one tile per emitter seeded by its id (the same place always
/// looks the same), generated one at a time on the thread pool so they never compete with sound for more than a core.
/// Finished tiles go to <paramref name="arrived"/>, which the world drains on its own thread.
/// </summary>
internal sealed class EmitterTextureWork(TextureGenerator generator, int size, Action<Emitter, EmitterTexture> arrived) : IDisposable
{
    private readonly SemaphoreSlim _slot = new(1, 1);
    private int _inFlight;
    private volatile bool _closed;

    public void Request(Emitter e)
    {
        var cancel = new CancellationTokenSource();
        e.TextureCancel = cancel;
        CancellationToken token = cancel.Token;
        Interlocked.Increment(ref _inFlight);
        e.TextureArrival = Task.Run(async () =>
        {
            try
            {
                await _slot.WaitAsync(token).ConfigureAwait(false);
                try
                {
                    if (token.IsCancellationRequested || _closed) return;
                    arrived(e, new EmitterTexture(size, size, generator.Generate(generator.SeededLatent(e.Id, size), size)));
                }
                finally { _slot.Release(); }
            }
            catch (OperationCanceledException) { }
            finally { Interlocked.Decrement(ref _inFlight); }
        }, CancellationToken.None);
    }

    /// <summary>Stops new tiles and waits for the one being made, then frees the emitters' cancellation sources.</summary>
    public void Close(IEnumerable<Emitter> emitters)
    {
        _closed = true;
        // Dispose cannot await; texture work is short (a 64 px tile is ~2 ms), so spin briefly until none runs.
        SpinWait.SpinUntil(() => Volatile.Read(ref _inFlight) == 0, TimeSpan.FromSeconds(10));
        foreach (Emitter e in emitters) e.TextureCancel?.Dispose();
    }

    /// <summary>Frees the slot once no tile is being made (after <see cref="Close"/>; a tile still running after its 10 s keeps it).</summary>
    public void Dispose()
    {
        if (Volatile.Read(ref _inFlight) == 0) _slot.Dispose();
    }
}

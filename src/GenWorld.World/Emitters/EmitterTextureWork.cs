using GenWorld.Inference.Generation;

namespace GenWorld.World.Emitters;

/// <summary>
/// Material tiles from the texture GAN (emitters' objects and the ground under the listener), each from a texture latent
/// the caller maps from the sound (the same sound always looks the same), generated one at a time on the thread pool so they never compete with sound for more than a core.
/// Finished tiles go to <paramref name="arrived"/>, which the world drains on its own thread.
/// </summary>
internal sealed class EmitterTextureWork(TextureGenerator generator, int size, Action<Emitter, EmitterTexture> arrived) : IDisposable
{
    private readonly SemaphoreSlim _slot = new(1, 1);
    private int _inFlight;
    private volatile bool _closed;

    /// <summary>Makes the tile for <paramref name="e"/> from <paramref name="textureLatent"/> (its material, from its sound).</summary>
    public void Request(Emitter e, float[] textureLatent)
    {
        var cancel = new CancellationTokenSource();
        e.TextureCancel = cancel;
        e.TextureArrival = Request(textureLatent, tile => arrived(e, tile), cancel.Token);
    }

    /// <summary>Makes one tile from <paramref name="textureLatent"/> and hands it to <paramref name="done"/> (on the pool), unless cancelled first.</summary>
    public Task Request(float[] textureLatent, Action<EmitterTexture> done, CancellationToken token)
    {
        Interlocked.Increment(ref _inFlight);
        return Task.Run(async () =>
        {
            try
            {
                await _slot.WaitAsync(token).ConfigureAwait(false);
                try
                {
                    if (token.IsCancellationRequested || _closed) return;
                    done(new EmitterTexture(size, size, generator.Generate(textureLatent, size)));
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

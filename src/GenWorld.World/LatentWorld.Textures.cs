using GenWorld.Inference.Generation;
using GenWorld.World.Emitters;

namespace GenWorld.World;

/// <summary>
/// Textures for emitter objects from the texture GAN, one tile per emitter seeded by its id (the same place always
/// looks the same), generated one at a time on the thread pool so they never compete with sound for more than a core.
/// </summary>
public sealed partial class LatentWorld
{
    private readonly SemaphoreSlim _textureSlot = new(1, 1);
    private int _texturesInFlight;

    private void RequestTexture(Emitter e)
    {
        if (_textureGenerator is null) return;
        TextureGenerator generator = _textureGenerator;
        int size = _options.TextureSize;
        var cancel = new CancellationTokenSource();
        e.TextureCancel = cancel;
        CancellationToken token = cancel.Token;
        Interlocked.Increment(ref _texturesInFlight);
        e.TextureArrival = Task.Run(async () =>
        {
            try
            {
                await _textureSlot.WaitAsync(token).ConfigureAwait(false);
                try
                {
                    if (token.IsCancellationRequested || _disposed) return;
                    byte[] rgba = generator.Generate(generator.SeededLatent(e.Id, size), size);
                    _arrivals.Enqueue(new Arrival(e, e.Variation, null, new EmitterTexture(size, size, rgba), null, 0));
                }
                finally { _textureSlot.Release(); }
            }
            catch (OperationCanceledException) { }
            finally { Interlocked.Decrement(ref _texturesInFlight); }
        }, CancellationToken.None);
    }

    private void WaitForTextureWork()
    {
        // Dispose cannot await; texture work is short (a 64 px tile is ~2 ms), so spin briefly until none runs.
        SpinWait.SpinUntil(() => Volatile.Read(ref _texturesInFlight) == 0, TimeSpan.FromSeconds(10));
        foreach (Emitter e in _emitters.Values) e.TextureCancel?.Dispose();
    }
}

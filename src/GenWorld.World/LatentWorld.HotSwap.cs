using GenWorld.Inference;
using GenWorld.Inference.Finishing;
using GenWorld.Inference.Generation;
using GenWorld.Inference.Models;
using GenWorld.World.Emitters;

namespace GenWorld.World;

/// <summary>Hot reload: a new version of the world's sound model swaps in while the world keeps running.</summary>
public sealed partial class LatentWorld
{
    private int _swapPending; // set by the loading thread, taken by Update on the host's thread
    private int _soundModelSwaps;

    /// <summary>Version tag of the sound model new requests go to.</summary>
    public string SoundModelVersion => _sounds.ModelVersion;

    /// <summary>How many times a new sound model was swapped in.</summary>
    public int SoundModelSwaps => Volatile.Read(ref _soundModelSwaps);

    /// <summary>
    /// Loads <paramref name="folder"/> (a newer version of this world's sound VAE: same latent size and pitch range),
    /// validates and warms it up on the CALLING thread — call it off the game loop — then swaps it in. Requests running on
    /// the old model finish there and nothing fails. The anchors stay: a fine-tuned version shares the old latent space.
    /// At the next <see cref="Update"/> every emitter asks for its sound again and keeps playing the old one until the new
    /// one arrives (no dropout). Thread-safe.
    /// </summary>
    /// <exception cref="InvalidModelFolderException">The folder is not a valid model.</exception>
    /// <exception cref="ArgumentException">Another latent size, pitch range or kind, or the version already served.</exception>
    public void SwapSoundModel(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ObjectDisposedException.ThrowIf(_disposed, this);
        ModelFolder model = ModelFolder.Open(folder, new OrtSessionFactory(_options.Log), _options.Sessions);
        try
        {
            var generator = new SoundVaeBatchGenerator(model, new SoundFinishing(OutputRate: _options.OutputSampleRate), maxParallelism: 1);
            if (generator.LatentSize != Projection.LatentSize)
                throw new ArgumentException($"'{folder}' takes {generator.LatentSize}-d latents; this world's anchors are {Projection.LatentSize}-d.", nameof(folder));
            _sounds.Swap(new BorrowedSoundGenerator(generator, owns: true));
        }
        catch
        {
            model.Dispose();
            throw;
        }
        Interlocked.Increment(ref _soundModelSwaps);
        Volatile.Write(ref _swapPending, 1);
    }

    /// <summary>
    /// Follows a versioned model root (<c>models/&lt;name&gt;/</c> as <c>genworld serve</c> publishes it): each newly
    /// published version is loaded on a worker thread and swapped in. A version that fails to load (a corrupt or
    /// half-copied folder) leaves the last good model playing and is tried again after <paramref name="firstRetry"/>
    /// (default 2 s), doubling up to a minute, until it loads or a newer version is published. Dispose the result to stop.
    /// </summary>
    public IDisposable FollowPublishedVersions(string modelRoot, TimeSpan? firstRetry = null)
    {
        TimeSpan retry = firstRetry ?? TimeSpan.FromSeconds(2);
        if (retry <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(firstRetry), retry, "the first retry wait must be positive");
        var watcher = new ModelVersionWatcher(modelRoot);
        var stop = new CancellationTokenSource();
        Action<string> log = _options.Log ?? Console.Error.WriteLine;
        watcher.Published += (_, e) => _ = Task.Run(async () =>
        {
            for (TimeSpan wait = retry; !stop.IsCancellationRequested && watcher.CurrentVersion == e.Version; wait = TimeSpan.FromTicks(Math.Min(TimeSpan.TicksPerMinute, wait.Ticks * 2)))
            {
                try
                {
                    SwapSoundModel(e.Folder);
                    log($"world: swapped in {Path.GetFileName(modelRoot)} version {e.Version} ({SoundModelVersion})");
                    return;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                catch (Exception ex) when (ex is ArgumentException or IOException or InvalidDataException or InvalidModelFolderException or InvalidModelException or UnauthorizedAccessException)
                {
                    log($"world: version {e.Version} of {modelRoot} was not swapped in ({ex.Message}); keeping {SoundModelVersion}, retrying in {wait.TotalSeconds:F0} s");
                }
                try
                {
                    await Task.Delay(wait, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });
        return new FollowedVersions(watcher, stop);
    }

    /// <summary>Stops the watcher and any retry still waiting.</summary>
    private sealed class FollowedVersions(ModelVersionWatcher watcher, CancellationTokenSource stop) : IDisposable
    {
        public void Dispose()
        {
            watcher.Dispose();
            stop.Cancel(); // not disposed: a retry may still read its token; it holds no timer or handle

        }
    }

    /// <summary>After a swap: every emitter asks the new model again; its current sound plays until the new one lands.</summary>
    private void RefreshAfterSwap()
    {
        if (Interlocked.Exchange(ref _swapPending, 0) == 0) return;
        foreach (Emitter e in _ordered)
        {
            e.Variation++; // answers still on their way from the old model are dropped
            Request(e, e.IsAudible ? Inference.Scheduling.RequestPriority.Normal : Inference.Scheduling.RequestPriority.Low);
        }
    }
}

using GenWorld.Inference.Models;

namespace GenWorld.Inference.Generation;

/// <summary>
/// A model folder used by several generators at once (one per texture size): each holds a reference and the last
/// release disposes the sessions, so a swapped-out folder lives exactly as long as its last running batch.
/// </summary>
internal sealed class SharedModelFolder(ModelFolder model)
{
    private int _references = 1;

    public ModelFolder Model { get; } = model;

    public void Acquire()
    {
        if (Interlocked.Increment(ref _references) <= 1)
            throw new ObjectDisposedException(nameof(SharedModelFolder), "the model folder was already released");
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0) Model.Dispose();
    }
}

namespace GenWorld.Inference.Scheduling;

/// <summary>
/// Reference count on a generator: the scheduler holds one reference while the generator is current, each running
/// batch holds one more. Whoever drops the last one disposes it, so a swapped-out model lives exactly until its last batch ends.
/// </summary>
internal sealed class GeneratorLease(IBatchGenerator generator)
{
    private int _references = 1;

    public IBatchGenerator Generator { get; } = generator;

    public void Acquire() => Interlocked.Increment(ref _references);

    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
            Generator.Dispose();
    }
}

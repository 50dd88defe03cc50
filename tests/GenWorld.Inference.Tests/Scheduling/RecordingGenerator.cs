using GenWorld.Inference.Scheduling;

namespace GenWorld.Inference.Tests.Scheduling;

/// <summary>
/// Wraps a real generator to count and record what the scheduler asks of it, optionally holding the worker inside
/// Generate until the test releases it (so queue states are deterministic without timing).
/// </summary>
internal sealed class RecordingGenerator(IBatchGenerator inner) : IBatchGenerator
{
    private readonly ManualResetEventSlim _gate = new(initialState: true);
    private readonly SemaphoreSlim _entered = new(0);
    private readonly TaskCompletionSource _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private readonly List<float[][]> _batches = [];

    public int LatentSize => inner.LatentSize;
    public int ConditioningSize => inner.ConditioningSize;
    public int OutputLength => inner.OutputLength;
    public string Version => inner.Version;

    /// <summary>Latents of every Generate call, in order.</summary>
    public IReadOnlyList<float[][]> Batches { get { lock (_lock) return [.. _batches]; } }

    public int RowsGenerated => Batches.Sum(b => b.Length);

    public Task Disposed => _disposed.Task;

    /// <summary>Makes the next Generate calls wait until <see cref="Release"/>.</summary>
    public void Hold() => _gate.Reset();

    public void Release() => _gate.Set();

    /// <summary>Completes when a Generate call has started (and, if held, is waiting).</summary>
    public async Task EnteredAsync()
    {
        if (!await _entered.WaitAsync(TimeSpan.FromSeconds(20))) throw new TimeoutException("the worker never called Generate");
    }

    public float[][] Generate(ReadOnlySpan<float[]> latents, ReadOnlySpan<float[]> conditioning)
    {
        if (_disposed.Task.IsCompleted) throw new ObjectDisposedException(Version, "Generate called after Dispose");
        lock (_lock) _batches.Add([.. latents.ToArray().Select(l => (float[])l.Clone())]);
        _entered.Release();
        if (!_gate.Wait(TimeSpan.FromSeconds(20))) throw new TimeoutException("test never released the generator");
        return inner.Generate(latents, conditioning);
    }

    public void Dispose()
    {
        inner.Dispose();
        _disposed.TrySetResult();
    }
}

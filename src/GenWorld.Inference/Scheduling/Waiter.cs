namespace GenWorld.Inference.Scheduling;

/// <summary>A request's promise and the registration that cancels it.</summary>
internal sealed class Waiter(long startTimestamp)
{
    private readonly Lock _lock = new();
    private CancellationTokenRegistration _registration;
    private bool _detached;

    public TaskCompletionSource<float[]> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long StartTimestamp { get; } = startTimestamp;

    /// <summary>Keeps the cancellation registration, or drops it at once if the result was already delivered.</summary>
    public void Attach(CancellationTokenRegistration registration)
    {
        lock (_lock)
        {
            if (!_detached)
            {
                _registration = registration;
                return;
            }
        }
        registration.Unregister();
    }

    /// <summary>Called when the request is settled: its token no longer matters. Never blocks on a running callback.</summary>
    public void Detach()
    {
        CancellationTokenRegistration registration;
        lock (_lock)
        {
            _detached = true;
            registration = _registration;
            _registration = default;
        }
        registration.Unregister();
    }
}

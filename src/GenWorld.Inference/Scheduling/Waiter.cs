namespace GenWorld.Inference.Scheduling;

/// <summary>A request's promise and the registration that cancels it.</summary>
internal sealed class Waiter(long startTimestamp)
{
    public TaskCompletionSource<float[]> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long StartTimestamp { get; } = startTimestamp;

    public CancellationTokenRegistration Registration { get; set; }
}

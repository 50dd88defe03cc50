using System.Collections.Concurrent;
using System.Threading.Channels;

namespace GenWorld.Service.Jobs;

/// <summary>One server-sent event: its type ("state", "progress", "preview", "log") and a JSON-serialisable payload.</summary>
/// <param name="Type">SSE event name.</param>
/// <param name="Data">Payload.</param>
public sealed record JobEvent(string Type, object Data);

/// <summary>
/// Fans a job's events out to every open event stream. Each subscriber has a small bounded buffer that drops the
/// oldest progress event when a client reads slowly, so a stalled client never holds the trainer back.
/// </summary>
public sealed class JobEvents
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Channel<JobEvent>, byte>> _subscribers = new(StringComparer.Ordinal);

    /// <summary>Starts receiving events of job <paramref name="id"/>; dispose the subscription to stop.</summary>
    public Subscription Subscribe(string id)
    {
        var channel = Channel.CreateBounded<JobEvent>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        _subscribers.GetOrAdd(id, _ => new()).TryAdd(channel, 0);
        return new Subscription(channel.Reader, () => { if (_subscribers.TryGetValue(id, out var set)) set.TryRemove(channel, out _); });
    }

    /// <summary>Sends an event to every subscriber of job <paramref name="id"/>.</summary>
    public void Publish(string id, JobEvent e)
    {
        if (!_subscribers.TryGetValue(id, out var set)) return;
        foreach (Channel<JobEvent> channel in set.Keys) channel.Writer.TryWrite(e);
    }

    /// <summary>An open subscription.</summary>
    public sealed class Subscription(ChannelReader<JobEvent> reader, Action unsubscribe) : IDisposable
    {
        /// <summary>Events as they come.</summary>
        public ChannelReader<JobEvent> Reader => reader;

        /// <inheritdoc />
        public void Dispose() => unsubscribe();
    }
}

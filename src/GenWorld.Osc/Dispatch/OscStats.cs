using System.Globalization;
using System.Text;
using GenWorld.Osc.Protocol;

namespace GenWorld.Osc.Dispatch;

/// <summary>
/// Counters shared by a receiver (receive thread) and its dispatcher (frame thread): datagrams received, messages
/// dispatched, and every drop under its <see cref="OscDropReason"/>. Lock-free (Interlocked), cheap to read any time.
/// </summary>
public sealed class OscStats
{
    private readonly long[] _drops = new long[Enum.GetValues<OscDropReason>().Length];
    private long _received;
    private long _dispatched;

    /// <summary>Datagrams read from the socket (or handed to the decoder).</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Messages that reached at least one handler and were accepted by it.</summary>
    public long Dispatched => Interlocked.Read(ref _dispatched);

    /// <summary>All drops, whatever the reason.</summary>
    public long TotalDropped
    {
        get
        {
            long sum = 0;
            for (int i = 1; i < _drops.Length; i++) sum += Interlocked.Read(ref _drops[i]);
            return sum;
        }
    }

    /// <summary>Drops for one reason.</summary>
    public long Dropped(OscDropReason reason) => Interlocked.Read(ref _drops[(int)reason]);

    /// <summary>Counts one drop.</summary>
    public void CountDrop(OscDropReason reason) => Interlocked.Increment(ref _drops[(int)reason]);

    internal void CountReceived() => Interlocked.Increment(ref _received);

    internal void CountDispatched() => Interlocked.Increment(ref _dispatched);

    /// <summary>A reason's short name for logs, e.g. "bad-type-tag".</summary>
    public static string Name(OscDropReason reason)
    {
        string name = reason.ToString();
        var text = new StringBuilder(name.Length + 4);
        foreach (char c in name)
        {
            if (char.IsUpper(c) && text.Length > 0) text.Append('-');
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }

    /// <summary>One log line, e.g. "osc: 120 received, 118 dispatched, 2 dropped (truncated 1, unknown-address 1)".</summary>
    public override string ToString()
    {
        var reasons = Enum.GetValues<OscDropReason>().Where(r => r != OscDropReason.None && Dropped(r) > 0)
            .Select(r => Name(r) + " " + Dropped(r).ToString(CultureInfo.InvariantCulture));
        string detail = string.Join(", ", reasons);
        return string.Create(CultureInfo.InvariantCulture,
            $"osc: {Received} received, {Dispatched} dispatched, {TotalDropped} dropped{(detail.Length > 0 ? " (" + detail + ")" : "")}");
    }
}

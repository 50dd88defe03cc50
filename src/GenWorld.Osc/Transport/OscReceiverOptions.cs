using System.Net;
using GenWorld.Osc.Dispatch;
using GenWorld.Osc.Protocol;

namespace GenWorld.Osc.Transport;

/// <summary>How an <see cref="OscReceiver"/> listens. Validated when the receiver is made.</summary>
public sealed record OscReceiverOptions
{
    /// <summary>UDP port; 0 lets the system pick one (tests), see <see cref="OscReceiver.Port"/>.</summary>
    public int Port { get; init; }

    /// <summary>
    /// Loopback by default: a controller on the same machine works, and nothing on the network can steer an installation
    /// until someone binds <see cref="IPAddress.Any"/> on purpose (e.g. for TouchOSC on a phone).
    /// </summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    /// <summary>Decoded packets waiting for the frame loop; beyond this, new ones are dropped as <see cref="OscDropReason.QueueFull"/>.</summary>
    public int QueueCapacity { get; init; } = 1024;

    /// <summary>
    /// Kernel receive buffer asked for (SO_RCVBUF; Linux caps it at net.core.rmem_max). Datagrams that arrive while the
    /// receive thread is descheduled wait here; a small buffer loses a controller's burst on a busy machine.
    /// </summary>
    public int ReceiveBufferBytes { get; init; } = 1 << 20;

    /// <summary>Decoder bounds.</summary>
    public OscDecodeLimits Limits { get; init; } = OscDecodeLimits.Default;

    /// <summary>
    /// Called on the receive thread after each decoded packet is queued (a host wakes its frame loop with it, so a pose
    /// is applied without waiting for the next regular frame). Must return at once and never throw; malformed
    /// datagrams never call it.
    /// </summary>
    public Action? PacketQueued { get; init; }

    /// <summary>Counters to share with a dispatcher; a new set when null.</summary>
    public OscStats? Stats { get; init; }

    internal void Validate()
    {
        if (Port is < 0 or > 65535) throw new ArgumentOutOfRangeException(nameof(Port), Port, "A UDP port is 0 (any) to 65535.");
        if (QueueCapacity < 1) throw new ArgumentOutOfRangeException(nameof(QueueCapacity), QueueCapacity, "The queue needs room for at least one packet.");
        if (ReceiveBufferBytes < 0) throw new ArgumentOutOfRangeException(nameof(ReceiveBufferBytes), ReceiveBufferBytes, "A buffer size is not negative.");
        ArgumentNullException.ThrowIfNull(BindAddress);
        ArgumentNullException.ThrowIfNull(Limits);
    }
}

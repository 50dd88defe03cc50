using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using GenWorld.Osc.Dispatch;
using GenWorld.Osc.Protocol;

namespace GenWorld.Osc.Transport;

/// <summary>
/// Listens for OSC over UDP. A background thread only receives and decodes; decoded packets wait in a bounded queue that
/// the frame loop empties with <see cref="TryRead"/> (usually through <see cref="OscDispatcher.Drain(OscReceiver, int)"/>),
/// so handlers run on the frame thread and the network can never block it. Bad datagrams and a full queue are counted in
/// <see cref="Stats"/> and dropped; nothing a peer sends can throw out of this class.
/// </summary>
public sealed class OscReceiver : IDisposable
{
    private const int MaxDatagram = 65536;   // larger than any UDP payload (65,507), so no datagram is cut
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly Socket _socket;
    private readonly Channel<OscPacket> _queue;
    private readonly OscDecodeLimits _limits;
    private readonly Action? _packetQueued;
    private readonly Thread _thread;
    private volatile bool _stopping;

    /// <summary>Binds the socket and starts the receive thread.</summary>
    public OscReceiver(OscReceiverOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Stats = options.Stats ?? new OscStats();
        _limits = options.Limits;
        _packetQueued = options.PacketQueued;
        _queue = Channel.CreateBounded<OscPacket>(
            new BoundedChannelOptions(options.QueueCapacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true, SingleWriter = true },
            _ => Stats.CountDrop(OscDropReason.QueueFull));
        _socket = new Socket(options.BindAddress.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (options.ReceiveBufferBytes > 0) _socket.ReceiveBufferSize = options.ReceiveBufferBytes;
            _socket.Bind(new IPEndPoint(options.BindAddress, options.Port));
            // A timeout lets the thread notice Dispose even where closing a socket does not wake a blocked receive.
            _socket.ReceiveTimeout = (int)PollInterval.TotalMilliseconds;
        }
        catch
        {
            _socket.Dispose();
            throw;
        }
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
        _thread = new Thread(ReceiveLoop) { IsBackground = true, Name = $"osc-receive:{Port}" };
        _thread.Start();
    }

    /// <summary>The bound port (the system's pick when the options said 0).</summary>
    public int Port { get; }

    /// <summary>Received, dispatched and dropped counts.</summary>
    public OscStats Stats { get; }

    /// <summary>Packets decoded and not yet read.</summary>
    public int Pending => _queue.Reader.Count;

    /// <summary>The next decoded packet, if one is waiting; never blocks.</summary>
    public bool TryRead([NotNullWhen(true)] out OscPacket? packet) => _queue.Reader.TryRead(out packet);

    /// <summary>Stops the thread and closes the socket.</summary>
    public void Dispose()
    {
        if (_stopping) return;
        _stopping = true;
        _socket.Dispose();
        _thread.Join(PollInterval * 5);
        _queue.Writer.TryComplete();
    }

    private void ReceiveLoop()
    {
        var buffer = new byte[MaxDatagram];
        while (!_stopping)
        {
            int length;
            try
            {
                length = _socket.Receive(buffer, SocketFlags.None);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut)
            {
                continue;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                if (_stopping) return;
                Stats.CountDrop(OscDropReason.SocketError);   // e.g. an ICMP "port unreachable" reported on Windows
                continue;
            }
            Accept(buffer.AsSpan(0, length));
        }
    }

    private void Accept(ReadOnlySpan<byte> datagram)
    {
        Stats.CountReceived();
        if (OscDecoder.TryDecode(datagram, out OscPacket? packet, out OscDropReason reason, _limits))
        {
            if (_queue.Writer.TryWrite(packet)) _packetQueued?.Invoke();   // when full, the channel drops it and counts QueueFull
        }
        else
            Stats.CountDrop(reason);
    }
}

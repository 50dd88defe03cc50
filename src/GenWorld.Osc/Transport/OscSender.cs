using System.Net;
using System.Net.Sockets;
using GenWorld.Osc.Protocol;

namespace GenWorld.Osc.Transport;

/// <summary>
/// Sends OSC packets over UDP to one or more destinations (e.g. TouchDesigner and a Max patch at once). Each packet is
/// encoded once into a reused buffer and sent to every destination. A destination that is down only costs a counted
/// failure: UDP has no connection, and a visual patch starting late must not break the world. One thread at a time.
/// </summary>
public sealed class OscSender : IOscPacketSink, IDisposable
{
    private readonly IPEndPoint[] _destinations;
    private readonly Dictionary<AddressFamily, Socket> _sockets = [];
    private byte[] _buffer = new byte[1024];

    /// <summary>A sender to <c>HOST:PORT</c> destinations.</summary>
    public OscSender(params string[] destinations)
        : this(destinations.Select(OscEndpoint.Parse).ToArray())
    {
    }

    /// <summary>A sender to the given endpoints.</summary>
    public OscSender(params IPEndPoint[] destinations)
    {
        ArgumentNullException.ThrowIfNull(destinations);
        if (destinations.Length == 0) throw new ArgumentException("An OSC sender needs at least one destination.", nameof(destinations));
        _destinations = [.. destinations];
        foreach (IPEndPoint d in _destinations)
            if (!_sockets.ContainsKey(d.AddressFamily)) _sockets[d.AddressFamily] = new Socket(d.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
    }

    /// <summary>Where packets go.</summary>
    public IReadOnlyList<IPEndPoint> Destinations => _destinations;

    /// <summary>Datagrams handed to the network.</summary>
    public long Sent { get; private set; }

    /// <summary>Datagrams the network refused (destination unreachable, buffer full, too large).</summary>
    public long Failed { get; private set; }

    /// <summary>Encodes the packet and sends it to every destination.</summary>
    public void Send(OscPacket packet)
    {
        ObjectDisposedException.ThrowIf(_sockets.Count == 0, this);
        int size = OscEncoder.GetSize(packet);
        if (_buffer.Length < size) _buffer = new byte[Math.Max(size, _buffer.Length * 2)];
        OscEncoder.Write(packet, _buffer);
        foreach (IPEndPoint destination in _destinations)
        {
            try
            {
                _sockets[destination.AddressFamily].SendTo(_buffer.AsSpan(0, size), SocketFlags.None, destination);
                Sent++;
            }
            catch (SocketException)
            {
                Failed++;
            }
        }
    }

    /// <summary>Closes the sockets.</summary>
    public void Dispose()
    {
        foreach (Socket s in _sockets.Values) s.Dispose();
        _sockets.Clear();
    }
}

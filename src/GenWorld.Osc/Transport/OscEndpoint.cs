using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace GenWorld.Osc.Transport;

/// <summary>Parses the <c>HOST:PORT</c> form of <c>--osc-out</c>: <c>127.0.0.1:9000</c>, <c>localhost:9000</c>, <c>[::1]:9000</c>.</summary>
public static class OscEndpoint
{
    /// <summary>The endpoint, resolving a host name once (IPv4 preferred, as most OSC tools listen on IPv4).</summary>
    public static IPEndPoint Parse(string hostPort)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hostPort);
        int colon = hostPort.LastIndexOf(':');
        if (colon <= 0 || colon == hostPort.Length - 1)
            throw new FormatException($"'{hostPort}' is not HOST:PORT (e.g. 127.0.0.1:9000).");
        string host = hostPort[..colon].Trim('[', ']');
        if (!int.TryParse(hostPort.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
            throw new FormatException($"'{hostPort}': the port must be 1 to 65535.");
        if (IPAddress.TryParse(host, out IPAddress? address)) return new IPEndPoint(address, port);
        IPAddress[] found;
        try
        {
            found = Dns.GetHostAddresses(host);
        }
        catch (SocketException e)
        {
            throw new FormatException($"'{hostPort}': host '{host}' does not resolve ({e.SocketErrorCode}).", e);
        }
        IPAddress? chosen = found.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? found.FirstOrDefault();
        return chosen is null ? throw new FormatException($"'{hostPort}': host '{host}' has no address.") : new IPEndPoint(chosen, port);
    }
}

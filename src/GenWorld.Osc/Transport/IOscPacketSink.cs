using GenWorld.Osc.Protocol;

namespace GenWorld.Osc.Transport;

/// <summary>Where outgoing packets go: an <see cref="OscSender"/>, or a list in tests.</summary>
public interface IOscPacketSink
{
    /// <summary>Sends the packet; network errors are counted, never thrown into the caller's frame.</summary>
    void Send(OscPacket packet);
}

namespace GenWorld.Osc.Protocol;

/// <summary>The content of one UDP datagram: an <see cref="OscMessage"/> or an <see cref="OscBundle"/>.</summary>
public abstract class OscPacket
{
    private protected OscPacket()
    {
    }
}

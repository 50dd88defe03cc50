namespace GenWorld.Osc.Tests.NodeOsc;

/// <summary>
/// A fact that needs node-osc. The peer is prepared when tests are discovered (xunit 2 can only skip from the attribute);
/// the test is skipped, with the reason, only when Node.js/npm or node-osc cannot be installed on this machine.
/// </summary>
public sealed class NodeOscFactAttribute : FactAttribute
{
    public NodeOscFactAttribute()
    {
        if (NodeOscPeer.UnavailableReason is { } reason) Skip = reason;
    }
}

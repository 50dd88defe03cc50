namespace GenWorld.Osc.Tests.NodeOsc;

/// <summary>
/// A fact that needs node-osc. The peer is prepared when tests are discovered (xunit 2 can only skip from the attribute);
/// the test is skipped, with the reason, only when Node.js/npm or node-osc cannot be installed on this machine (see
/// <see cref="GenWorld.Tests.Shared.ExternalProgramFactAttribute"/>).
/// </summary>
public sealed class NodeOscFactAttribute() : global::GenWorld.Tests.Shared.ExternalProgramFactAttribute(NodeOscPeer.UnavailableReason);

using GenWorld.Osc.Protocol;
using GenWorld.Osc.Transport;

namespace GenWorld.Osc.Dispatch;

/// <summary>
/// Maps concrete addresses to handlers and delivers messages whose address patterns match them (OSC 1.0 "dispatching").
/// Runs on the frame thread: <see cref="Drain(OscReceiver, OscTimeTag, int)"/> takes at most a budget of packets per
/// frame, so a flood delays messages but never stalls the frame. Bundles run when their time tag is due; nested
/// bundles are handled the same way at their own tag. No method here throws because of what a peer sent.
/// </summary>
public sealed class OscDispatcher
{
    private readonly Dictionary<string, OscMethod> _methods = new(StringComparer.Ordinal);
    private readonly OscBundleSchedule _schedule;

    /// <summary>A dispatcher counting into <paramref name="stats"/> (share the receiver's to get one report).</summary>
    public OscDispatcher(OscStats? stats = null, int maxScheduledBundles = 256, TimeSpan? scheduleHorizon = null)
    {
        Stats = stats ?? new OscStats();
        _schedule = new OscBundleSchedule(maxScheduledBundles, scheduleHorizon ?? TimeSpan.FromSeconds(60));
    }

    /// <summary>Where drops and dispatches are counted.</summary>
    public OscStats Stats { get; }

    /// <summary>Future bundles waiting for their time.</summary>
    public int ScheduledBundles => _schedule.Count;

    /// <summary>The registered addresses.</summary>
    public IEnumerable<string> Addresses => _methods.Keys;

    /// <summary>Registers the handler of one concrete address (no pattern characters; each address once).</summary>
    public void Add(string address, OscMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (!OscMessage.IsValidAddress(address) || OscAddressPattern.HasWildcards(address))
            throw new ArgumentException($"'{address}' is not a concrete OSC address ('/' first, printable ASCII, no * ? [ ] {{ }}).", nameof(address));
        if (!_methods.TryAdd(address, method)) throw new ArgumentException($"'{address}' already has a handler.", nameof(address));
    }

    /// <summary>Runs the bundles that are due, then up to <paramref name="maxPackets"/> packets from the receiver.</summary>
    public int Drain(OscReceiver receiver, OscTimeTag now, int maxPackets = 256)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        int handled = RunDue(now);
        for (int i = 0; i < maxPackets && receiver.TryRead(out OscPacket? packet); i++) handled += Dispatch(packet, now);
        return handled;
    }

    /// <summary><see cref="Drain(OscReceiver, OscTimeTag, int)"/> at the wall-clock time.</summary>
    public int Drain(OscReceiver receiver, int maxPackets = 256) => Drain(receiver, OscTimeTag.Now, maxPackets);

    /// <summary>Delivers a packet: a message now, a bundle now or at its time tag. Returns the messages handled.</summary>
    public int Dispatch(OscPacket packet, OscTimeTag now)
    {
        if (packet is OscMessage message) return Dispatch(message) ? 1 : 0;
        var bundle = (OscBundle)packet;
        if (bundle.TimeTag.IsImmediate || bundle.TimeTag <= now) return DispatchElements(bundle, now);
        OscDropReason refused = _schedule.Add(bundle, now);
        if (refused != OscDropReason.None) Stats.CountDrop(refused);
        return 0;
    }

    /// <summary>Runs every scheduled bundle whose time has come, in time order.</summary>
    public int RunDue(OscTimeTag now)
    {
        int handled = 0;
        while (_schedule.TryTakeDue(now, out OscBundle bundle)) handled += DispatchElements(bundle, now);
        return handled;
    }

    /// <summary>Delivers one message to every handler its pattern matches; false if none accepted it.</summary>
    public bool Dispatch(OscMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        OscDropReason outcome = OscDropReason.UnknownAddress;
        if (!OscAddressPattern.HasWildcards(message.Address))
        {
            if (_methods.TryGetValue(message.Address, out OscMethod? method)) outcome = Invoke(method, message);
        }
        else
        {
            foreach ((string address, OscMethod method) in _methods)
            {
                if (!OscAddressPattern.IsMatch(message.Address, address)) continue;
                OscDropReason one = Invoke(method, message);
                if (outcome != OscDropReason.None) outcome = one;   // accepted by any one handler counts as dispatched
            }
        }
        if (outcome == OscDropReason.None) Stats.CountDispatched();
        else Stats.CountDrop(outcome);
        return outcome == OscDropReason.None;
    }

    private int DispatchElements(OscBundle bundle, OscTimeTag now)
    {
        int handled = 0;
        foreach (OscPacket element in bundle.Elements) handled += Dispatch(element, now);
        return handled;
    }

    private static OscDropReason Invoke(OscMethod method, OscMessage message)
    {
        try
        {
            return method(message) ? OscDropReason.None : OscDropReason.BadArguments;
        }
        catch (Exception)
        {
            return OscDropReason.HandlerFailed;   // a handler bug must not take the installation down with it
        }
    }
}

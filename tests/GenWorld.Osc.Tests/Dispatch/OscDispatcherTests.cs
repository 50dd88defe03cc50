using GenWorld.Osc.Dispatch;
using GenWorld.Osc.Protocol;

namespace GenWorld.Osc.Tests.Dispatch;

public class OscDispatcherTests
{
    private static readonly OscTimeTag Now = OscTimeTag.FromDateTime(new DateTime(2026, 12, 6, 2, 0, 0, DateTimeKind.Utc));
    private readonly List<string> _calls = [];
    private readonly OscDispatcher _dispatcher = new();

    public OscDispatcherTests()
    {
        foreach (string address in new[] { "/a/x", "/a/y", "/b/x" })
            _dispatcher.Add(address, m => Record(address, m));
        _dispatcher.Add("/picky", m => m.TypeTags == "i");
        _dispatcher.Add("/broken", _ => throw new InvalidOperationException("handler bug"));
    }

    [Fact]
    public void LiteralAddressesGoToTheirHandler()
    {
        Assert.True(_dispatcher.Dispatch(new OscMessage("/a/y", OscArgument.Int32(3))));
        Assert.Equal(["/a/y 3"], _calls);
    }

    [Fact]
    public void PatternsReachEveryMatchingHandler()
    {
        _dispatcher.Dispatch(new OscMessage("/*/x", OscArgument.Int32(1)));
        _dispatcher.Dispatch(new OscMessage("/a/{x,y}", OscArgument.Int32(2)));
        Assert.Equal(["/a/x 1", "/b/x 1", "/a/x 2", "/a/y 2"], _calls.Take(2).Order().Concat(_calls.Skip(2).Order()));
        Assert.Equal(2, _dispatcher.Stats.Dispatched);
    }

    [Fact]
    public void UnknownBadAndFailingMessagesAreCountedNotThrown()
    {
        Assert.False(_dispatcher.Dispatch(new OscMessage("/nowhere")));
        Assert.False(_dispatcher.Dispatch(new OscMessage("/no*")));
        Assert.False(_dispatcher.Dispatch(new OscMessage("/picky", OscArgument.Float32(1))));
        Assert.False(_dispatcher.Dispatch(new OscMessage("/broken")));

        Assert.Equal(2, _dispatcher.Stats.Dropped(OscDropReason.UnknownAddress));
        Assert.Equal(1, _dispatcher.Stats.Dropped(OscDropReason.BadArguments));
        Assert.Equal(1, _dispatcher.Stats.Dropped(OscDropReason.HandlerFailed));
        Assert.Contains("unknown-address 2", _dispatcher.Stats.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void BundlesInThePastOrImmediateRunNowInOrder()
    {
        var past = new OscBundle(OscTimeTag.FromSeconds(Now.ToSeconds() - 5), Message("/a/x", 1), Message("/a/y", 2));
        var immediate = new OscBundle(OscTimeTag.Immediately, Message("/b/x", 3));
        Assert.Equal(2, _dispatcher.Dispatch(past, Now));
        Assert.Equal(1, _dispatcher.Dispatch(immediate, Now));
        Assert.Equal(["/a/x 1", "/a/y 2", "/b/x 3"], _calls);
    }

    [Fact]
    public void FutureBundlesWaitForTheirTimeAndRunInTimeOrder()
    {
        _dispatcher.Dispatch(new OscBundle(At(0.2), Message("/a/x", 2)), Now);
        _dispatcher.Dispatch(new OscBundle(At(0.1), Message("/a/x", 1)), Now);
        Assert.Empty(_calls);
        Assert.Equal(2, _dispatcher.ScheduledBundles);

        Assert.Equal(0, _dispatcher.RunDue(At(0.05)));
        Assert.Equal(1, _dispatcher.RunDue(At(0.15)));
        Assert.Equal(["/a/x 1"], _calls);
        Assert.Equal(1, _dispatcher.RunDue(At(1)));
        Assert.Equal(["/a/x 1", "/a/x 2"], _calls);
        Assert.Equal(0, _dispatcher.ScheduledBundles);
    }

    [Fact]
    public void NestedFutureBundleWaitsInsideAnImmediateOne()
    {
        var bundle = new OscBundle(OscTimeTag.Immediately, Message("/a/x", 1), new OscBundle(At(0.5), Message("/a/y", 2)));
        Assert.Equal(1, _dispatcher.Dispatch(bundle, Now));
        Assert.Equal(1, _dispatcher.RunDue(At(0.5)));
        Assert.Equal(["/a/x 1", "/a/y 2"], _calls);
    }

    [Fact]
    public void ScheduleIsBoundedInCountAndHorizon()
    {
        var dispatcher = new OscDispatcher(maxScheduledBundles: 2, scheduleHorizon: TimeSpan.FromSeconds(10));
        dispatcher.Add("/a", _ => true);
        dispatcher.Dispatch(new OscBundle(At(60), Message("/a", 1)), Now);
        for (int i = 0; i < 3; i++) dispatcher.Dispatch(new OscBundle(At(1), Message("/a", i)), Now);
        Assert.Equal(1, dispatcher.Stats.Dropped(OscDropReason.TooFarInFuture));
        Assert.Equal(1, dispatcher.Stats.Dropped(OscDropReason.ScheduleFull));
        Assert.Equal(2, dispatcher.ScheduledBundles);
    }

    [Fact]
    public void OnlyConcreteAddressesCanBeRegisteredOnce()
    {
        Assert.Throws<ArgumentException>(() => _dispatcher.Add("/a/*", _ => true));
        Assert.Throws<ArgumentException>(() => _dispatcher.Add("a", _ => true));
        Assert.Throws<ArgumentException>(() => _dispatcher.Add("/a/x", _ => true));
    }

    private static OscTimeTag At(double secondsFromNow) => OscTimeTag.FromSeconds(Now.ToSeconds() + secondsFromNow);

    private static OscMessage Message(string address, int value) => new(address, OscArgument.Int32(value));

    private bool Record(string address, OscMessage m)
    {
        _calls.Add(address + " " + string.Join(' ', m.Arguments.Select(a => a.AsInt32())));
        return true;
    }
}

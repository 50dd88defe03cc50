using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using GenWorld.Osc.Dispatch;
using GenWorld.Osc.Protocol;
using GenWorld.Osc.Transport;

namespace GenWorld.Osc.Tests.Transport;

/// <summary>Our sender and receiver over loopback UDP.</summary>
public class OscUdpTests
{
    [Fact]
    public void SenderToReceiverDeliversOnTheFrameThread()
    {
        using var receiver = new OscReceiver(new OscReceiverOptions());
        using var sender = new OscSender($"127.0.0.1:{receiver.Port}");
        var dispatcher = new OscDispatcher(receiver.Stats);
        int frameThread = Environment.CurrentManagedThreadId;
        var seen = new List<(int Value, int Thread)>();
        dispatcher.Add("/v", m =>
        {
            seen.Add((m.Arguments[0].AsInt32(), Environment.CurrentManagedThreadId));
            return true;
        });

        for (int i = 0; i < 5; i++) sender.Send(new OscMessage("/v", OscArgument.Int32(i)));
        sender.Send(new OscBundle(OscTimeTag.Immediately, new OscMessage("/v", OscArgument.Int32(5))));
        DrainUntil(dispatcher, receiver, () => seen.Count == 6);

        Assert.Equal([0, 1, 2, 3, 4, 5], seen.Select(s => s.Value));
        Assert.All(seen, s => Assert.Equal(frameThread, s.Thread));
        Assert.Equal(6, receiver.Stats.Received);
        Assert.Equal(6, sender.Sent);
    }

    [Fact]
    public void MalformedDatagramsAreCountedByReasonAndTheReceiverKeepsGoing()
    {
        using var receiver = new OscReceiver(new OscReceiverOptions());
        using var raw = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var to = new IPEndPoint(IPAddress.Loopback, receiver.Port);
        raw.SendTo(new byte[] { 1, 2, 3 }, to);                                                              // bad alignment
        raw.SendTo(Encoding.ASCII.GetBytes("/a\0\0,x\0\0"), to);                                               // bad type tag
        raw.SendTo([.. Encoding.ASCII.GetBytes("/genworld/goto\0\0,s\0\0"), .. new byte[60000].Select(_ => (byte)'x'), 0, 0, 0, 0], to);   // 60 KB string
        raw.SendTo(OscMalformedBomb(), to);                                                                    // recursion bomb
        raw.SendTo(OscEncoder.Encode(new OscMessage("/fine")), to);

        Eventually.Until(() => receiver.Stats.Received >= 5);
        Assert.Equal(5, receiver.Stats.Received);
        Assert.Equal(1, receiver.Stats.Dropped(OscDropReason.BadAlignment));
        Assert.Equal(1, receiver.Stats.Dropped(OscDropReason.BadTypeTag));
        Assert.Equal(1, receiver.Stats.Dropped(OscDropReason.StringTooLong));
        Assert.Equal(1, receiver.Stats.Dropped(OscDropReason.BundleTooDeep));
        Assert.True(receiver.TryRead(out OscPacket? fine));
        Assert.Equal("/fine", Assert.IsType<OscMessage>(fine).Address);
    }

    [Fact]
    public void AFullQueueDropsAndCountsInsteadOfBlocking()
    {
        using var receiver = new OscReceiver(new OscReceiverOptions { QueueCapacity = 4 });
        using var sender = new OscSender($"127.0.0.1:{receiver.Port}");
        for (int i = 0; i < 10; i++) sender.Send(new OscMessage("/v", OscArgument.Int32(i)));

        Eventually.Until(() => receiver.Stats.Received >= 10);
        Assert.Equal(4, receiver.Pending);
        Assert.Equal(6, receiver.Stats.Dropped(OscDropReason.QueueFull));
    }

    [Fact]
    public void AFloodIsSpreadOverFramesByTheDrainBudget()
    {
        using var receiver = new OscReceiver(new OscReceiverOptions());
        using var sender = new OscSender($"127.0.0.1:{receiver.Port}");
        var dispatcher = new OscDispatcher(receiver.Stats);
        dispatcher.Add("/v", _ => true);
        for (int i = 0; i < 600; i++)
        {
            sender.Send(new OscMessage("/v", OscArgument.Int32(i)));
            if (i % 100 == 99) Eventually.Until(() => receiver.Stats.Received > i);
        }
        Eventually.Until(() => receiver.Pending == 600);

        Assert.Equal(256, dispatcher.Drain(receiver, maxPackets: 256));   // one frame takes its budget, no more
        Assert.Equal(256, dispatcher.Drain(receiver, maxPackets: 256));
        Assert.Equal(88, dispatcher.Drain(receiver, maxPackets: 256));
        Assert.Equal(600, receiver.Stats.Dispatched);
    }

    [Fact]
    public void DrainingAnEmptyReceiverReturnsAtOnceAndDisposeStopsTheThread()
    {
        var receiver = new OscReceiver(new OscReceiverOptions());
        var dispatcher = new OscDispatcher(receiver.Stats);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < 1000; i++) dispatcher.Drain(receiver);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"1000 empty drains took {clock.Elapsed.TotalMilliseconds} ms");

        clock.Restart();
        receiver.Dispose();
        receiver.Dispose();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"dispose took {clock.Elapsed.TotalMilliseconds} ms");
        Assert.False(receiver.TryRead(out _));
    }

    [Fact]
    public void ReceiverBindsLoopbackByDefault()
    {
        using var receiver = new OscReceiver(new OscReceiverOptions());
        Assert.Equal(IPAddress.Loopback, new OscReceiverOptions().BindAddress);
        Assert.InRange(receiver.Port, 1, 65535);
        Assert.Throws<ArgumentOutOfRangeException>(() => new OscReceiver(new OscReceiverOptions { Port = 70000 }));
    }

    [Fact]
    public void SendingToNobodyNeverThrows()
    {
        int port;
        using (var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0))) port = ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
        using var sender = new OscSender($"127.0.0.1:{port}", $"localhost:{port}");
        for (int i = 0; i < 20; i++) sender.Send(new OscMessage("/v", OscArgument.Int32(i)));
        Assert.Equal(40, sender.Sent + sender.Failed);
    }

    internal static void DrainUntil(OscDispatcher dispatcher, OscReceiver receiver, Func<bool> done) =>
        Eventually.Until(() =>
        {
            dispatcher.Drain(receiver);
            return done();
        });

    /// <summary>Reads packets off the receiver until <paramref name="count"/> have come or 5 s passed.</summary>
    internal static void WaitForPackets(OscReceiver receiver, List<OscPacket> packets, int count) =>
        Eventually.Until(() =>
        {
            if (receiver.TryRead(out OscPacket? packet)) packets.Add(packet);
            return packets.Count >= count;
        });

    private static byte[] OscMalformedBomb() => Protocol.OscMalformedTests.Nested(500);
}

using System.Diagnostics;
using GenWorld.Osc.Control;
using GenWorld.Osc.Dispatch;
using GenWorld.Osc.Protocol;
using GenWorld.Osc.Tests.Control;
using GenWorld.Osc.Transport;
using Xunit.Abstractions;

namespace GenWorld.Osc.Tests.Protocol;

/// <summary>
/// 12,000 valid, mutated and random packets (fixed seed): no exception escapes, each is decoded or dropped with a reason,
/// whatever decodes re-encodes to itself and dispatches into the GenWorld input safely, all in bounded time; then a
/// share of them through the real UDP receiver, where received = queued + dropped.
/// </summary>
public class OscFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 15;
    private const int Count = 12_000;

    [Fact]
    public void RandomAndMutatedPacketsNeverThrowAndAreAllAccountedFor()
    {
        var random = new RandomPackets(Seed);
        var control = new RecordingControl();
        var dispatcher = new OscDispatcher();
        GenWorldOscInput.Register(dispatcher, control);
        var now = OscTimeTag.FromDateTime(new DateTime(2026, 12, 6, 2, 0, 0, DateTimeKind.Utc));
        int decoded = 0, dropped = 0, escaped = 0;
        var kinds = new Dictionary<string, int>();

        var clock = Stopwatch.StartNew();
        for (int i = 0; i < Count; i++)
        {
            (string kind, byte[] bytes) = random.Next();
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            try
            {
                if (OscDecoder.TryDecode(bytes, out OscPacket? packet, out OscDropReason reason))
                {
                    Assert.Equal(OscDropReason.None, reason);
                    byte[] again = OscEncoder.Encode(packet);
                    Assert.True(OscDecoder.TryDecode(again, out OscPacket? second, out _));
                    Assert.Equal(again, OscEncoder.Encode(second));
                    dispatcher.Dispatch(packet, now);
                    decoded++;
                }
                else
                {
                    Assert.NotEqual(OscDropReason.None, reason);
                    dispatcher.Stats.CountDrop(reason);
                    dropped++;
                }
                dispatcher.RunDue(now);
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                escaped++;
                output.WriteLine($"packet {i} ({kind}): {e.GetType().Name}: {e.Message}");
            }
        }
        clock.Stop();

        output.WriteLine($"{Count} packets in {clock.Elapsed.TotalMilliseconds:F0} ms: {decoded} decoded, {dropped} dropped; kinds {string.Join(", ", kinds)}");
        output.WriteLine(dispatcher.Stats.ToString());
        output.WriteLine($"control calls: {control.Calls}");
        Assert.Equal(0, escaped);
        Assert.Equal(Count, decoded + dropped);
        Assert.True(decoded > Count / 5 && dropped > Count / 5, "the mix should exercise both paths");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public void ThroughTheUdpReceiverEveryDatagramIsQueuedOrCounted()
    {
        const int Sent = 2_000;
        var random = new RandomPackets(Seed + 1);
        using var receiver = new OscReceiver(new OscReceiverOptions { QueueCapacity = Sent });
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp);
        var to = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, receiver.Port);
        int nonEmpty = 0;
        for (int i = 0; i < Sent; i++)
        {
            byte[] bytes = random.Next().Bytes;
            if (bytes.Length == 0) continue;   // a zero-length datagram is legal UDP but tests nothing new here
            socket.SendTo(bytes, to);
            nonEmpty++;
            if (i % 100 == 99) Eventually.Until(() => receiver.Stats.Received >= nonEmpty);   // paced: loopback buffers are small
        }
        Eventually.Until(() => receiver.Stats.Received >= nonEmpty);

        output.WriteLine(receiver.Stats.ToString());
        Assert.Equal(nonEmpty, receiver.Stats.Received);
        Assert.Equal(nonEmpty, receiver.Pending + receiver.Stats.TotalDropped);
    }
}

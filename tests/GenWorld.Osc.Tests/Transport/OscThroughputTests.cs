using System.Diagnostics;
using System.Numerics;
using GenWorld.Osc.Control;
using GenWorld.Osc.Protocol;
using GenWorld.Osc.Transport;
using Xunit.Abstractions;

namespace GenWorld.Osc.Tests.Transport;

/// <summary>Decode rate in memory and through the UDP receiver; the figures go to the module README.</summary>
[Collection(TimingCollection.Name)]
public class OscThroughputTests(ITestOutputHelper output)
{
    [Fact]
    public void DecodeRate()
    {
        byte[] pose = OscEncoder.Encode(new OscMessage(GenWorldOscAddresses.CameraPose,
            OscArgument.Float32(1), OscArgument.Float32(2), OscArgument.Float32(3), OscArgument.Float32(90), OscArgument.Float32(0)));
        var sink = new FrameSink();
        EmitterFeedback[] emitters = [.. Enumerable.Range(0, 8).Select(i => new EmitterFeedback(i, "strings", i, 0.5f, new float[16]))];
        new GenWorldOscFeedback(sink).PublishFrame(0, new ListenerFeedback(Vector3.One, 0, 0), emitters, 0.5f);
        byte[] frame = OscEncoder.Encode(sink.Last!);

        double poseRate = Rate(pose, 200_000);
        double frameRate = Rate(frame, 20_000);
        output.WriteLine($"decode: pose message ({pose.Length} B) {poseRate:N0} packets/s; feedback frame bundle ({frame.Length} B, 10 messages) {frameRate:N0} packets/s");
        Assert.True(poseRate > 50_000, $"{poseRate:N0} packets/s");
    }

    [Fact]
    public void ReceiverRateOverLoopback()
    {
        const int Count = 20_000;
        using var receiver = new OscReceiver(new OscReceiverOptions { QueueCapacity = Count });
        using var sender = new OscSender($"127.0.0.1:{receiver.Port}");
        var message = new OscMessage(GenWorldOscAddresses.CameraPose,
            OscArgument.Float32(1), OscArgument.Float32(2), OscArgument.Float32(3), OscArgument.Float32(90), OscArgument.Float32(0));

        var clock = Stopwatch.StartNew();
        for (int i = 0; i < Count; i++)
        {
            sender.Send(message);
            if (i % 100 == 99) Eventually.Until(() => receiver.Stats.Received >= i + 1);   // bursts of 100: the socket buffer never overflows
        }
        Eventually.Until(() => receiver.Stats.Received >= Count);
        clock.Stop();

        double rate = receiver.Stats.Received / clock.Elapsed.TotalSeconds;
        output.WriteLine($"UDP loopback, send + receive + decode + enqueue: {receiver.Stats.Received:N0} of {Count:N0} in {clock.Elapsed.TotalMilliseconds:F0} ms = {rate:N0} packets/s; {receiver.Stats}");
        Assert.Equal(Count, receiver.Pending);
        Assert.True(rate > 5_000, $"{rate:N0} packets/s");
    }

    private static double Rate(byte[] packet, int count)
    {
        for (int i = 0; i < 1000; i++) OscDecoder.TryDecode(packet, out _, out _);   // JIT warm-up
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < count; i++)
            if (!OscDecoder.TryDecode(packet, out _, out _)) throw new InvalidOperationException("did not decode");
        return count / clock.Elapsed.TotalSeconds;
    }

    private sealed class FrameSink : IOscPacketSink
    {
        public OscPacket? Last { get; private set; }

        public void Send(OscPacket packet) => Last = packet;
    }
}

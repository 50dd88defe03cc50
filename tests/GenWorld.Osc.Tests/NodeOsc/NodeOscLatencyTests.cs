using System.Diagnostics;
using GenWorld.Osc.Control;
using GenWorld.Osc.Protocol;
using GenWorld.Osc.Transport;
using Xunit.Abstractions;

namespace GenWorld.Osc.Tests.NodeOsc;

/// <summary>
/// Round trip on loopback: our sender → node-osc Server → node-osc Client (echo) → our receiver's queue. One message in
/// flight at a time; the time covers both encoders and decoders and Node's event loop, not a frame loop's drain interval.
/// </summary>
[Collection(TimingCollection.Name)]
public class NodeOscLatencyTests(ITestOutputHelper output)
{
    private const int Warmup = 20;
    private const int Pings = 300;

    [NodeOscFact]
    public void RoundTripThroughNodeOsc()
    {
        using var receiver = new OscReceiver(new OscReceiverOptions());
        using NodeProcess echo = NodeOscPeer.Start("server.mjs", "0", "echo", receiver.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        int port = echo.NextJson(TimeSpan.FromSeconds(20)).GetProperty("ready").GetInt32();
        using var sender = new OscSender($"127.0.0.1:{port}");

        var times = new List<double>();
        int lost = 0;
        for (int i = 0; i < Warmup + Pings; i++)
        {
            long start = Stopwatch.GetTimestamp();
            sender.Send(GenWorldOscFeedback.Note(i, 0.5f));
            OscPacket? back = null;
            while (back is null && Stopwatch.GetElapsedTime(start) < TimeSpan.FromSeconds(1))
                if (!receiver.TryRead(out back)) Thread.Yield();
            if (back is null) lost++;
            else if (i >= Warmup) times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (back is OscMessage m) Assert.Equal((float)i, m.Arguments[0].AsFloat32());
        }

        times.Sort();
        double p50 = times[times.Count / 2], p99 = times[(int)(times.Count * 0.99)];
        output.WriteLine($"round trip via node-osc ({times.Count} pings): p50 {p50:F2} ms, p99 {p99:F2} ms, max {times[^1]:F2} ms, lost {lost}");
        Assert.Equal(0, lost);
        Assert.True(p99 < 250, $"p99 {p99:F1} ms");
    }
}

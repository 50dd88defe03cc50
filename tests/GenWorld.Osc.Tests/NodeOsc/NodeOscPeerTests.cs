using System.Numerics;
using System.Text.Json;
using GenWorld.Osc.Control;
using GenWorld.Osc.Dispatch;
using GenWorld.Osc.Protocol;
using GenWorld.Osc.Tests.Control;
using GenWorld.Osc.Tests.Transport;
using GenWorld.Osc.Transport;

namespace GenWorld.Osc.Tests.NodeOsc;

/// <summary>
/// GenWorld.Osc against a third-party implementation: node-osc's Client drives our receiver and the GenWorld input, and
/// node-osc's Server receives our feedback stream and prints what it decoded, with the type tags, as JSON lines.
/// </summary>
public class NodeOscPeerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [NodeOscFact]
    public void NodeClientMovesTheCameraAndTriggersEmitters()
    {
        using var receiver = new OscReceiver(new OscReceiverOptions());
        var dispatcher = new OscDispatcher(receiver.Stats);
        var control = new RecordingControl();
        GenWorldOscInput.Register(dispatcher, control);

        using (NodeProcess client = NodeOscPeer.Start("client.mjs", receiver.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            Assert.True(client.WaitForExit(Timeout), "node client.mjs did not finish");
            Assert.True(client.ExitCode == 0, client.Stderr);
        }

        // Read what arrived as our decoder saw it, then dispatch it like a frame loop would.
        var packets = new List<OscPacket>();
        OscUdpTests.WaitForPackets(receiver, packets, 11);
        Assert.Equal(11, packets.Count);
        var messages = packets.OfType<OscMessage>().ToDictionary(m => m.Address);
        Assert.Equal("fifif", messages[GenWorldOscAddresses.CameraPose].TypeTags);
        Assert.Equal("fff", messages[GenWorldOscAddresses.CameraVelocity].TypeTags);
        Assert.Equal("i", messages[GenWorldOscAddresses.EmitterTrigger].TypeTags);
        Assert.Equal("T", messages[GenWorldOscAddresses.Attract].TypeTags);
        Assert.Equal("f", messages[GenWorldOscAddresses.Gain].TypeTags);
        Assert.Equal("s", messages[GenWorldOscAddresses.GoTo].TypeTags);
        var bundles = packets.OfType<OscBundle>().ToArray();
        Assert.Equal(2, bundles.Length);
        Assert.Equal(["f", "F"], bundles[0].Elements.Cast<OscMessage>().Select(m => m.TypeTags));   // node-osc sends a bare 21 as f
        Assert.Equal(2208988800u, bundles[0].TimeTag.Seconds);   // node-osc's default tag is 1970-01-01, not "immediately"
        Assert.Equal("i", ((OscMessage)bundles[1].Elements[0]).TypeTags);

        OscTimeTag now = OscTimeTag.Now;
        foreach (OscPacket packet in packets) dispatcher.Dispatch(packet, now);
        Assert.Equal(now < bundles[1].TimeTag ? 1 : 0, dispatcher.ScheduledBundles);   // due 1 s after sending: normally still waiting
        Eventually.Until(() =>
        {
            dispatcher.RunDue(OscTimeTag.Now);
            return dispatcher.ScheduledBundles == 0;
        });

        var (position, yaw, pitch) = Assert.Single(control.Poses);
        Assert.Equal(new Vector3(1.5f, 2, -3.25f), position);
        Assert.Equal(MathF.PI / 2, yaw, 1e-6f);
        Assert.Equal(-10 * MathF.PI / 180, pitch, 1e-6f);
        Assert.Equal(new Vector3(0.5f, 0, -1.5f), Assert.Single(control.Velocities));
        Assert.Equal([7, 11, 21, 42], control.Triggers);   // 11 by pattern, 21 sent as a float, 42 from the scheduled bundle
        Assert.Equal([true, false], control.Attracts);
        Assert.Equal([0.75f], control.Gains);
        Assert.Equal(["strings"], control.GoTos);
        Assert.Equal(["notes-vae"], control.Models);
        Assert.Equal(1, receiver.Stats.Dropped(OscDropReason.UnknownAddress));
        Assert.Equal(1, receiver.Stats.TotalDropped);
    }

    [NodeOscFact]
    public void NodeServerReceivesTheFeedbackStreamWithTheRightTypes()
    {
        using NodeProcess server = NodeOscPeer.Start("server.mjs", "0");
        int port = server.NextJson(Timeout).GetProperty("ready").GetInt32();
        using var sender = new OscSender($"127.0.0.1:{port}");
        var feedback = new GenWorldOscFeedback(sender, rateHz: 60);
        var listener = new ListenerFeedback(new Vector3(1.5f, 2, -3), MathF.PI, 0.25f * MathF.PI);
        EmitterFeedback[] emitters = [new(7, "strings", 2.5f, 0.75f, new float[] { 0.5f, -0.25f }), new(12, "brass", 4, 0.125f, ReadOnlyMemory<float>.Empty)];

        Assert.True(feedback.PublishFrame(0, listener, emitters, 0.375f));
        Assert.False(feedback.PublishFrame(0.001, listener, emitters, 0.375f));   // rate-limited
        feedback.PublishNote(64, 0.5f);

        List<JsonElement> lines = server.Take(5, Timeout);
        Assert.True(lines.Count == 5, $"node-osc printed {lines.Count} of 5 lines. stderr: {server.Stderr}");
        Assert.All(lines.Take(4), l => Assert.Equal(JsonValueKind.Array, l.GetProperty("bundle").ValueKind));
        Assert.Equal(JsonValueKind.Null, lines[4].GetProperty("bundle").ValueKind);

        AssertLine(lines[0], "/genworld/listener", "fffff", 1.5, 2, -3, 180, 45);
        AssertLine(lines[1], "/genworld/emitter", "isffff", 7, "strings", 2.5, 0.75, 0.5, -0.25);
        AssertLine(lines[2], "/genworld/emitter", "isff", 12, "brass", 4, 0.125);
        AssertLine(lines[3], "/genworld/density", "f", 0.375);
        AssertLine(lines[4], "/genworld/note", "ff", 64, 0.5);
        Assert.Equal(0, sender.Failed);
    }

    private static void AssertLine(JsonElement line, string address, string types, params object[] values)
    {
        Assert.Equal(address, line.GetProperty("address").GetString());
        Assert.Equal(types, line.GetProperty("types").GetString());
        JsonElement[] actual = [.. line.GetProperty("values").EnumerateArray()];
        Assert.Equal(values.Length, actual.Length);
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] is string s) Assert.Equal(s, actual[i].GetString());
            else Assert.Equal(Convert.ToDouble(values[i], System.Globalization.CultureInfo.InvariantCulture), actual[i].GetDouble(), 1e-4);
        }
    }
}

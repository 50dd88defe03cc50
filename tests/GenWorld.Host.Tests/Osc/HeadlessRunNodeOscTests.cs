using System.Globalization;
using System.Net.Sockets;
using System.Numerics;
using System.Text.Json;
using GenWorld.Host.Headless;
using GenWorld.Host.Osc;
using GenWorld.Osc.Control;
using GenWorld.Osc.Protocol;
using GenWorld.Osc.Tests;
using GenWorld.Osc.Tests.NodeOsc;

namespace GenWorld.Host.Tests.Osc;

/// <summary>
/// A headless <c>genworld run</c> world (wall clock, OpenAL loopback) steered by node-osc's Client and followed by
/// node-osc's Server: the camera goes where the peer said, a trigger regenerates that emitter's sound, the feedback
/// arrives with the documented type tags, and a flood of malformed datagrams is counted and dropped while frames go on.
/// </summary>
[Collection(HeadlessRunsCollection.Name)]
public sealed class HeadlessRunNodeOscTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [NodeOscFact]
    public void A_node_client_moves_the_camera_and_triggers_an_emitter_and_a_node_server_gets_the_feedback()
    {
        using NodeProcess server = NodeOscPeer.Start("server.mjs", "0");
        int feedbackPort = server.NextJson(Timeout).GetProperty("ready").GetInt32();
        var observer = new RunObserver();
        OscHostOptions osc = new() { InputPort = 0, Outputs = [$"127.0.0.1:{feedbackPort}"], FeedbackRateHz = 20 };
        var settings = new RunSettings { Model = RepoPaths.Model("notes-vae"), Fps = 60, AttractAfter = 0, Osc = osc, OnFrame = observer.OnFrame };
        using var stop = new CancellationTokenSource();
        RunResult? result = null;
        Exception? failed = null;
        var thread = new Thread(() =>
        {
            try { result = HeadlessRun.Run(settings, _ => { }, stop.Token); }
            catch (Exception e) { failed = e; }
        });
        thread.Start();
        try
        {
            Assert.True(Eventually.Until(() => observer.Port != 0 || failed is not null, 60), "the run did not start");
            Assert.Null(failed);

            // The camera goes where node-osc said (angles in degrees on the wire; an int yaw as node-osc sends it).
            Vector3 anchor = observer.Anchors[1234], eye = anchor + new Vector3(0, 0.5f, 2);
            Send(observer.Port, [CameraPose, eye.X, eye.Y, eye.Z, new { type = "integer", value = 0 }, -14.036243f]);
            Assert.True(Eventually.Until(() => Vector3.Distance(observer.Position, eye) < 1e-3f, 10), $"camera at {observer.Position}, sent {eye}");

            // A trigger regenerates the sound of the emitter it names.
            Assert.True(Eventually.Until(() => observer.NearestReady is not null, 30), "no emitter became audible near the anchor");
            (int id, int version, _) = observer.NearestReady!.Value;
            Send(observer.Port, [GenWorldOscAddresses.EmitterTrigger, new { type = "integer", value = id }]);
            Assert.True(Eventually.Until(() => observer.VersionOf(id) > version, 30), $"emitter {id} kept content version {version}");

            // The feedback stream, as node-osc decoded it: listener, emitters (isff + latent floats), density, note onsets.
            // Lines have come since the start; read on until the listener reported is the pose node-osc sent.
            var lines = new List<JsonElement>();
            bool AtEye(JsonElement l) => l.GetProperty("address").GetString() == GenWorldOscAddresses.Listener
                && Math.Abs(l.GetProperty("values")[0].GetDouble() - eye.X) < 1e-3 && Math.Abs(l.GetProperty("values")[2].GetDouble() - eye.Z) < 1e-3;
            var reading = System.Diagnostics.Stopwatch.StartNew();
            bool IsNote(JsonElement l) => l.GetProperty("address").GetString() == GenWorldOscAddresses.Note;
            // Note onsets come only when a voice starts a note: on a fast machine the pose can arrive first, so read on for both.
            while (!(lines.Any(AtEye) && lines.Any(IsNote)) && reading.Elapsed < Timeout) lines.AddRange(server.Take(50, TimeSpan.FromSeconds(1)));
            JsonElement listener = lines.Last(AtEye);
            Assert.Equal("fffff", listener.GetProperty("types").GetString());
            Assert.Equal(-14.04, listener.GetProperty("values")[4].GetDouble(), 1);
            Assert.Equal(0, listener.GetProperty("values")[3].GetDouble(), 3);
            JsonElement emitter = lines.Last(l => l.GetProperty("address").GetString() == GenWorldOscAddresses.Emitter);
            Assert.StartsWith("isff", emitter.GetProperty("types").GetString(), StringComparison.Ordinal);
            Assert.Equal(4 + observer.LatentSize, emitter.GetProperty("types").GetString()!.Length);   // the latent as trailing floats
            Assert.Contains(lines, l => l.GetProperty("address").GetString() == GenWorldOscAddresses.Density && l.GetProperty("types").GetString() == "f");
            Assert.Contains(lines, l => l.GetProperty("address").GetString() == GenWorldOscAddresses.Note && l.GetProperty("types").GetString() == "ff");
        }
        finally
        {
            stop.Cancel();
            thread.Join(Timeout);
        }
        Assert.Null(failed);
        Assert.NotNull(result);
        Assert.Contains("0 dropped", result.OscStats, StringComparison.Ordinal);
    }

    [NodeOscFact]
    public void Malformed_packets_are_counted_and_dropped_while_frames_go_on()
    {
        var observer = new RunObserver();
        var settings = new RunSettings
        {
            Model = RepoPaths.Model("notes-vae"), Fps = 60, AttractAfter = 0, Audio = RunAudio.None,
            Osc = new OscHostOptions { InputPort = 0, Outputs = [] }, OnFrame = observer.OnFrame,
        };
        using var stop = new CancellationTokenSource();
        RunResult? result = null;
        var thread = new Thread(() => result = HeadlessRun.Run(settings, _ => { }, stop.Token));
        thread.Start();
        const int Bad = 3000;
        try
        {
            Assert.True(Eventually.Until(() => observer.Port != 0, 60), "the run did not start");
            Thread.Sleep(500);
            long framesBefore = observer.Frames;
            observer.ResetMax();
            using var udp = new UdpClient();
            var random = new Random(15);
            byte[] pose = [.. OscEncoderBytes(GenWorldOscAddresses.CameraPose, 1, 2, 3, 0, 0)];
            for (int i = 0; i < Bad; i++)
            {
                byte[] packet = (i % 4) switch
                {
                    0 => pose[..random.Next(1, pose.Length - 1)],                                   // truncated
                    1 => [.. pose.Select((b, k) => k == 24 ? (byte)'x' : b)],                       // wrong type tag
                    2 => [.. System.Text.Encoding.ASCII.GetBytes("/genworld/goto\0\0,s\0\0"), .. Enumerable.Repeat((byte)'a', 65000)],   // a 64 KB string
                    _ => [.. System.Text.Encoding.ASCII.GetBytes("/no/such/address\0\0\0\0,i\0\0"), 0, 0, 0, 1],    // unknown address
                };
                udp.Send(packet, packet.Length, "127.0.0.1", observer.Port);
                if (i % 100 == 0) Thread.Sleep(5);   // keep within the kernel's receive buffer
            }
            // After the flood a valid pose still moves the camera: nothing stalled or broke.
            Send(observer.Port, [CameraPose, 5f, 6f, 7f, 0f, 0f]);
            Assert.True(Eventually.Until(() => Vector3.Distance(observer.Position, new Vector3(5, 6, 7)) < 1e-3f, 15), "a valid pose after the flood did not arrive");
            // Frames went on (a loaded machine draws fewer of them in the flood's second; a stalled loop draws none).
            Assert.True(observer.Frames - framesBefore > 5, $"only {observer.Frames - framesBefore} frames during the flood");
        }
        finally
        {
            stop.Cancel();
            thread.Join(Timeout);
        }
        Assert.NotNull(result);
        string stats = result.OscStats!;
        long dropped = long.Parse(System.Text.RegularExpressions.Regex.Match(stats, @"(\d+) dropped").Groups[1].Value, CultureInfo.InvariantCulture);
        long received = long.Parse(System.Text.RegularExpressions.Regex.Match(stats, @"(\d+) received").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(received >= Bad * 0.8, stats);       // loopback UDP may lose some of a burst; none received go unaccounted
        Assert.Equal(received - 1, dropped);             // everything but the one valid pose
        Assert.True(observer.MaxWorkMs < 1000, $"a frame took {observer.MaxWorkMs:F0} ms during the flood");
    }

    private const string CameraPose = GenWorldOscAddresses.CameraPose;

    private static byte[] OscEncoderBytes(string address, params float[] values)
    {
        var message = new OscMessage(address, [.. values.Select(OscArgument.Float32)]);
        var buffer = new byte[OscEncoder.GetSize(message)];
        OscEncoder.Write(message, buffer);
        return buffer;
    }

    private static void Send(int port, object[] message)
    {
        string json = JsonSerializer.Serialize(new[] { message });
        using NodeProcess client = NodeOscPeer.Start("send.mjs", port.ToString(CultureInfo.InvariantCulture), json);
        Assert.True(client.WaitForExit(Timeout), "node send.mjs did not finish");
        Assert.True(client.ExitCode == 0, client.Stderr);
    }
}

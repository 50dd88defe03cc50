using System.Numerics;
using GenWorld.Osc.Control;
using GenWorld.Osc.Protocol;
using GenWorld.Osc.Transport;

namespace GenWorld.Osc.Tests.Control;

public class GenWorldOscFeedbackTests
{
    private static readonly ListenerFeedback Listener = new(new Vector3(1, 2, 3), MathF.PI / 2, -MathF.PI / 6);
    private static readonly EmitterFeedback[] Emitters =
    [
        new(7, "strings", 2.5f, 0.8f, new float[] { 0.1f, -0.2f, 0.3f }),
        new(9, "brass", 4f, 0.25f, ReadOnlyMemory<float>.Empty),
    ];

    [Fact]
    public void AFrameIsOneImmediateBundleWithListenerEmittersAndDensity()
    {
        var sink = new ListSink();
        var feedback = new GenWorldOscFeedback(sink);
        Assert.True(feedback.PublishFrame(0, Listener, Emitters, 0.42f));

        var bundle = Assert.IsType<OscBundle>(Assert.Single(sink.Packets));
        Assert.True(bundle.TimeTag.IsImmediate);
        var messages = bundle.Elements.Cast<OscMessage>().ToArray();
        Assert.Equal(["/genworld/listener", "/genworld/emitter", "/genworld/emitter", "/genworld/density"], messages.Select(m => m.Address));
        Assert.Equal("fffff", messages[0].TypeTags);
        Assert.Equal([1f, 2f, 3f, 90f, -30f], messages[0].Arguments.Select(a => MathF.Round(a.AsFloat32(), 4)));
        Assert.Equal("isfffff", messages[1].TypeTags);
        Assert.Equal(7, messages[1].Arguments[0].AsInt32());
        Assert.Equal("strings", messages[1].Arguments[1].AsString());
        Assert.Equal([2.5f, 0.8f, 0.1f, -0.2f, 0.3f], messages[1].Arguments.Skip(2).Select(a => a.AsFloat32()));
        Assert.Equal("isff", messages[2].TypeTags);
        Assert.Equal(0.42f, messages[3].Arguments[0].AsFloat32());
    }

    [Fact]
    public void FramesCanGoAsPlainMessages()
    {
        var sink = new ListSink();
        var feedback = new GenWorldOscFeedback(sink) { BundleFrames = false };
        feedback.PublishFrame(0, Listener, Emitters, 0.5f);
        Assert.Equal(4, sink.Packets.Count);
        Assert.All(sink.Packets, p => Assert.IsType<OscMessage>(p));
    }

    [Fact]
    public void FramesAreRateLimitedAndNotesAreNot()
    {
        var sink = new ListSink();
        var feedback = new GenWorldOscFeedback(sink, rateHz: 60);
        int frames = 0;
        for (int i = 0; i < 240; i++)
        {
            if (feedback.PublishFrame(i / 240.0, Listener, [], 0)) frames++;   // 240 fps for 1 s
            feedback.PublishNote(60, 0.5f);
        }
        Assert.InRange(frames, 59, 61);
        Assert.Equal(240, sink.Packets.OfType<OscMessage>().Count(m => m.Address == GenWorldOscAddresses.Note));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GenWorldOscFeedback(sink, rateHz: 120));
    }

    [Fact]
    public void NoteIsPitchAndLoudness()
    {
        OscMessage note = GenWorldOscFeedback.Note(64.5f, 0.7f);
        Assert.Equal("/genworld/note ,ff f:64.5 f:0.7", note.ToString());
    }

    [Fact]
    public void HelpListsEveryAddressAndThePorts()
    {
        foreach (OscAddressInfo row in GenWorldOscAddresses.Inputs.Concat(GenWorldOscAddresses.Outputs))
            Assert.Contains(row.Address, GenWorldOscHelp.Text, StringComparison.Ordinal);
        Assert.Contains("8000", GenWorldOscHelp.Text, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:9000", GenWorldOscHelp.Text, StringComparison.Ordinal);
    }

    private sealed class ListSink : IOscPacketSink
    {
        public List<OscPacket> Packets { get; } = [];

        public void Send(OscPacket packet) => Packets.Add(packet);
    }
}

using System.Numerics;
using GenWorld.Osc.Control;
using GenWorld.Osc.Dispatch;
using GenWorld.Osc.Transport;
using GenWorld.World;
using GenWorld.World.Cameras;
using GenWorld.World.Emitters;

namespace GenWorld.Host.Osc;

/// <summary>
/// OSC for one running world: <see cref="Poll"/> before a frame runs the handlers of what arrived (on the frame thread,
/// at most 256 packets), <see cref="Publish"/> after it sends the feedback frame (rate-limited) and the note onsets.
/// Everything it needs from the network was received and decoded on the receiver's own thread, so a flood or a malformed
/// packet costs the frame nothing but a counter.
/// </summary>
public sealed class WorldOscLink : IDisposable
{
    private readonly OscReceiver? _receiver;
    private readonly OscDispatcher? _dispatcher;
    private readonly OscSender? _sender;
    private readonly GenWorldOscFeedback? _feedback;
    private readonly OscHostOptions _options;
    private readonly LatentWorld _world;
    private readonly Dictionary<int, int> _heard = [];
    private EmitterFeedback[] _scratch = [];

    /// <summary>
    /// Opens the input port and the feedback destinations <paramref name="options"/> name; <paramref name="packetArrived"/>
    /// (optional) is called on the receive thread for each decoded packet, to wake the frame loop.
    /// </summary>
    public WorldOscLink(OscHostOptions options, LatentWorld world, WorldHost host, CameraSteering camera, Action<string> log, Action? packetArrived = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        (_options, _world) = (options, world);
        Control = new WorldOscControl(world, host, camera, options, log);
        try
        {
            if (options.InputPort is int port)
            {
                _receiver = new OscReceiver(new OscReceiverOptions { Port = port, PacketQueued = packetArrived });
                _dispatcher = new OscDispatcher(_receiver.Stats);
                GenWorldOscInput.Register(_dispatcher, Control);
            }
            if (options.Outputs.Count > 0)
            {
                _sender = new OscSender([.. options.Outputs]);
                _feedback = new GenWorldOscFeedback(_sender, options.FeedbackRateHz);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>What remote input did to the world.</summary>
    public WorldOscControl Control { get; }

    /// <summary>The bound input port (the system's pick for port 0), or null without input.</summary>
    public int? InputPort => _receiver?.Port;

    /// <summary>Received, dispatched and dropped packets (null without input).</summary>
    public OscStats? Stats => _receiver?.Stats;

    /// <summary>Feedback frames sent.</summary>
    public long FeedbackFrames => _feedback?.FramesSent ?? 0;

    /// <summary>Note onsets sent.</summary>
    public long NotesSent { get; private set; }

    /// <summary>Datagrams the network refused (a destination down).</summary>
    public long SendFailures => _sender?.Failed ?? 0;

    /// <summary>Runs the handlers of the packets that arrived since the last frame; returns the messages handled.</summary>
    public int Poll() => _receiver is null ? 0 : _dispatcher!.Drain(_receiver);

    /// <summary>After a frame at <paramref name="time"/>: note onsets now, and a feedback frame when one is due.</summary>
    public void Publish(double time, Pose listener)
    {
        if (_feedback is null) return;
        foreach (int id in _world.RemovedEmitters) _heard.Remove(id);
        foreach (Emitter e in _world.Emitters)
        {
            if (!e.IsAudible || e.Samples is null) continue;
            if (_heard.TryGetValue(e.Id, out int version) && version == e.ContentVersion) continue;
            _heard[e.Id] = e.ContentVersion;
            _feedback.PublishNote(e.Pitch ?? 60, Loudness(e.Samples));
            NotesSent++;
        }
        int n = Math.Min(_options.FeedbackEmitters, _world.Emitters.Count);
        if (_scratch.Length != n) _scratch = new EmitterFeedback[n];
        for (int i = 0; i < n; i++)
        {
            Emitter e = _world.Emitters[i];
            _scratch[i] = new EmitterFeedback(e.Id, e.LabelName, e.Distance, e.Gain, e.Latent);
        }
        Vector3 f = listener.Forward;
        _feedback.PublishFrame(time, new ListenerFeedback(listener.Position, CameraSteering.YawOf(f), CameraSteering.PitchOf(f)), _scratch, _world.LocalDensity);
    }

    /// <summary>RMS level mapped from −60..0 dBFS to 0..1 (clips are finished to −18 LUFS, so most land near 0.6).</summary>
    internal static float Loudness(float[] samples)
    {
        double sum = 0;
        foreach (float s in samples) sum += s * s;
        double rms = samples.Length == 0 ? 0 : Math.Sqrt(sum / samples.Length);
        double db = rms > 0 ? 20 * Math.Log10(rms) : -120;
        return (float)Math.Clamp((db + 60) / 60, 0, 1);
    }

    /// <summary>Closes the port and the sender.</summary>
    public void Dispose()
    {
        _receiver?.Dispose();
        _sender?.Dispose();
    }
}

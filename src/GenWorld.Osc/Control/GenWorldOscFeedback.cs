using GenWorld.Osc.Protocol;
using GenWorld.Osc.Transport;

namespace GenWorld.Osc.Control;

/// <summary>
/// Turns plain world values into the GenWorld output messages and sends them. The per-frame stream (listener, nearest
/// emitters, density) is rate-limited (default 30 Hz, at most 60) and goes out as one bundle with an "immediately" time
/// tag, so a receiver sees one consistent frame in one datagram; <see cref="BundleFrames"/> = false sends plain messages
/// for receivers without bundle support. Note onsets are events and go out at once.
/// </summary>
public sealed class GenWorldOscFeedback
{
    private const float RadiansToDegrees = 180f / MathF.PI;

    private readonly IOscPacketSink _sink;
    private readonly OscRateLimiter _limiter;

    /// <summary>Feedback into <paramref name="sink"/> (an <see cref="OscSender"/>) at <paramref name="rateHz"/>.</summary>
    public GenWorldOscFeedback(IOscPacketSink sink, double rateHz = GenWorldOscAddresses.DefaultFeedbackRateHz)
    {
        _sink = sink ?? throw new ArgumentNullException(nameof(sink));
        _limiter = new OscRateLimiter(rateHz);
    }

    /// <summary>One bundle per frame (default) or separate messages.</summary>
    public bool BundleFrames { get; init; } = true;

    /// <summary>Frames sent so far.</summary>
    public long FramesSent { get; private set; }

    /// <summary>Sends a frame if the rate allows at <paramref name="nowSeconds"/> (a monotonic clock); false if skipped.</summary>
    public bool PublishFrame(double nowSeconds, ListenerFeedback listener, ReadOnlySpan<EmitterFeedback> emitters, float density)
    {
        if (!_limiter.TryAcquire(nowSeconds)) return false;
        var messages = new OscPacket[emitters.Length + 2];
        messages[0] = Listener(listener);
        for (int i = 0; i < emitters.Length; i++) messages[i + 1] = Emitter(emitters[i]);
        messages[^1] = Density(density);
        if (BundleFrames)
        {
            _sink.Send(new OscBundle(OscTimeTag.Immediately, messages));
        }
        else
        {
            foreach (OscPacket m in messages) _sink.Send(m);
        }
        FramesSent++;
        return true;
    }

    /// <summary>Sends a note onset now.</summary>
    public void PublishNote(float pitch, float loudness) => _sink.Send(Note(pitch, loudness));

    /// <summary><c>/genworld/listener x y z yaw pitch</c>, angles in degrees.</summary>
    public static OscMessage Listener(ListenerFeedback listener) => new(GenWorldOscAddresses.Listener,
        OscArgument.Float32(listener.Position.X), OscArgument.Float32(listener.Position.Y), OscArgument.Float32(listener.Position.Z),
        OscArgument.Float32(listener.Yaw * RadiansToDegrees), OscArgument.Float32(listener.Pitch * RadiansToDegrees));

    /// <summary><c>/genworld/emitter id label distance gain latent…</c>.</summary>
    public static OscMessage Emitter(EmitterFeedback emitter)
    {
        ReadOnlySpan<float> latent = emitter.Latent.Span;
        var args = new OscArgument[4 + latent.Length];
        args[0] = OscArgument.Int32(emitter.Id);
        args[1] = OscArgument.String(emitter.Label ?? "");
        args[2] = OscArgument.Float32(emitter.Distance);
        args[3] = OscArgument.Float32(emitter.Gain);
        for (int i = 0; i < latent.Length; i++) args[4 + i] = OscArgument.Float32(latent[i]);
        return new OscMessage(GenWorldOscAddresses.Emitter, args);
    }

    /// <summary><c>/genworld/note pitch loudness</c>.</summary>
    public static OscMessage Note(float pitch, float loudness) =>
        new(GenWorldOscAddresses.Note, OscArgument.Float32(pitch), OscArgument.Float32(loudness));

    /// <summary><c>/genworld/density d</c>.</summary>
    public static OscMessage Density(float density) => new(GenWorldOscAddresses.Density, OscArgument.Float32(density));
}

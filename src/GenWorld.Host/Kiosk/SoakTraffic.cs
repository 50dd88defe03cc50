using System.Net;
using System.Net.Sockets;
using System.Text;
using GenWorld.Osc.Control;
using GenWorld.Osc.Protocol;
using GenWorld.Osc.Transport;

namespace GenWorld.Host.Kiosk;

/// <summary>
/// A controller for a soak, sent over UDP to the world's own OSC input on a thread of its own: each minute 20 s of
/// flying the camera (poses at 10 Hz along a circle of radius 25 u, a trigger of a random emitter id each second), then
/// 40 s of quiet in which attract mode takes over; all along a gain change every 5 s and one malformed datagram a second
/// (truncated, or a wrong type tag), which the world must count and drop. The same schedule as the node-osc peer
/// <c>tests/GenWorld.Osc.Tests/node/soak-traffic.mjs</c>, so a soak needs no Node.js.
/// </summary>
public sealed class SoakTraffic : IDisposable
{
    private static readonly byte[] TruncatedPose = Encoding.ASCII.GetBytes("/genworld/camera/pose\0\0\0,ff");
    private static readonly byte[] WrongTag = Encoding.ASCII.GetBytes("/genworld/gain\0\0,x\0\0\0\0\0\0");
    private readonly OscSender _sender;
    private readonly Socket _raw = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private readonly Random _random = new(15);
    private readonly int _maxEmitterId;
    private long _sent, _malformed;

    /// <summary>Starts sending to 127.0.0.1:<paramref name="port"/>; triggers pick ids below <paramref name="maxEmitterId"/>.</summary>
    public SoakTraffic(int port, int maxEmitterId)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEmitterId, 1);
        _target = new IPEndPoint(IPAddress.Loopback, port);
        _sender = new OscSender(_target);
        _maxEmitterId = maxEmitterId;
        _thread = new Thread(Loop) { IsBackground = true, Name = "soak OSC traffic" };
        _thread.Start();
    }

    /// <summary>Valid messages sent (poses, triggers, gains).</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Malformed datagrams sent.</summary>
    public long Malformed => Interlocked.Read(ref _malformed);

    private void Loop()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (long tick = 0; !_stop.IsCancellationRequested; tick++)
        {
            double t = clock.Elapsed.TotalSeconds;
            if (t % 60 < 20)
            {
                float angle = (float)(t * 0.2);
                Send(new OscMessage(GenWorldOscAddresses.CameraPose, OscArgument.Float32(25 * MathF.Sin(angle)), OscArgument.Float32(3),
                    OscArgument.Float32(25 * MathF.Cos(angle)), OscArgument.Float32((angle * 180 / MathF.PI) + 180), OscArgument.Float32(-5)));
                if (tick % 10 == 0) Send(new OscMessage(GenWorldOscAddresses.EmitterTrigger, OscArgument.Int32(_random.Next(_maxEmitterId))));
            }
            if (tick % 50 == 0) Send(new OscMessage(GenWorldOscAddresses.Gain, OscArgument.Float32(0.6f + (0.4f * _random.NextSingle()))));
            if (tick % 10 == 5)
            {
                _raw.SendTo(tick % 20 == 5 ? TruncatedPose : WrongTag, _target);
                Interlocked.Increment(ref _malformed);
            }
            _stop.Token.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(100));
        }
    }

    private void Send(OscMessage message)
    {
        _sender.Send(message);
        Interlocked.Increment(ref _sent);
    }

    /// <summary>Stops the thread and closes the sockets.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _sender.Dispose();
        _raw.Dispose();
        _stop.Dispose();
    }
}

using System.Numerics;
using GenWorld.Audio.OpenAl;
using GenWorld.Audio.Output;
using GenWorld.Audio.Voices;

namespace GenWorld.Audio.Tests.Voices;

/// <summary>
/// A loopback device with a voice pool, driven like a host: a fixed 60 fps clock, one pool update per frame, then
/// exactly one frame's worth of audio rendered. Listener at the origin facing -z.
/// </summary>
internal sealed class PoolRig : IDisposable
{
    public const int Fps = 60;
    public const int FramesPerTick = Signals.Rate / Fps;   // 800

    public PoolRig(VoicePoolOptions? options = null)
    {
        Device = AlLoopbackDevice.Open(Signals.Rate);
        Context = Device.CreateContext();
        Pool = new VoicePool(Context, options);
    }

    public AlLoopbackDevice Device { get; }
    public AlContext Context { get; }
    public VoicePool Pool { get; }

    /// <summary>Runs <paramref name="seconds"/> of frames; <paramref name="wanted"/> gives each frame's requests by time.</summary>
    public float[] Run(double seconds, Func<double, VoiceRequest[]> wanted, double startTime = 0)
    {
        int ticks = (int)Math.Round(seconds * Fps);
        var mix = new float[ticks * FramesPerTick * 2];
        for (int t = 0; t < ticks; t++)
        {
            double time = startTime + ((double)t / Fps);
            Pool.Update(time, ListenerPose.Default, Vector3.Zero, wanted(time));
            Device.Render(mix.AsSpan(t * FramesPerTick * 2, FramesPerTick * 2));
        }
        return mix;
    }

    public static VoiceSound Sine(double hz, double seconds, float amplitude = 0.5f) =>
        new(Signals.Sine(hz, (int)(seconds * Signals.Rate), amplitude), Signals.Rate);

    /// <summary>Seeded white noise, one instance per (seed, length) so the pool keeps one buffer for it.</summary>
    public static VoiceSound Noise(double seconds, int seed = 11, float amplitude = 0.3f)
    {
        var random = new Random(seed);
        var samples = new float[(int)(seconds * Signals.Rate)];
        for (int i = 0; i < samples.Length; i++) samples[i] = amplitude * ((2 * random.NextSingle()) - 1);
        return new VoiceSound(samples, Signals.Rate);
    }

    public static VoiceRequest Loop(long id, VoiceSound sound, Vector3 position, Vector3 velocity = default) =>
        new(id, position, velocity, sound, VoicePlayback.Looping);

    public void Dispose()
    {
        Pool.Dispose();
        Device.Dispose();
    }
}

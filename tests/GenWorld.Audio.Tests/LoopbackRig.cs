using GenWorld.Audio.OpenAl;

namespace GenWorld.Audio.Tests;

/// <summary>A loopback device + context at 48 kHz float stereo, listener at the origin facing -z with +y up.</summary>
internal sealed class LoopbackRig : IDisposable
{
    public LoopbackRig(HrtfMode hrtf = HrtfMode.Off)
    {
        Device = AlLoopbackDevice.Open(Signals.Rate);
        Context = Device.CreateContext(new ContextAttributes { Hrtf = hrtf });
        Context.Listener.Position = System.Numerics.Vector3.Zero;
        Context.Listener.Orientation = (-System.Numerics.Vector3.UnitZ, System.Numerics.Vector3.UnitY);
    }

    public AlLoopbackDevice Device { get; }

    public AlContext Context { get; }

    /// <summary>A source playing a looping mono sine (whole cycles in the buffer).</summary>
    public AlSource LoopingSine(double hz, System.Numerics.Vector3 position)
    {
        AlBuffer buffer = Context.CreateBuffer();
        buffer.Upload(Signals.Sine(hz, Signals.Rate / 10), 1, Signals.Rate);
        AlSource source = Context.CreateSource();
        source.Buffer = buffer;
        source.Looping = true;
        source.Position = position;
        source.Play();
        return source;
    }

    public void Dispose() => Device.Dispose();
}

using GenWorld.Audio.OpenAl;
using GenWorld.Core.Audio;

namespace GenWorld.Audio.Output;

/// <summary>
/// The real output: an OpenAL device and context. Either the default playback device (see
/// <see cref="AudioOutputs.OpenDefault(Action{string})"/>) or a loopback device whose mix tests and tools render themselves.
/// </summary>
public sealed class OpenAlAudioOutput : IAudioOutput
{
    private readonly AlDevice _device;

    /// <summary>Wraps an open device and one of its contexts; disposing the output closes both.</summary>
    public OpenAlAudioOutput(AlDevice device, AlContext context)
    {
        if (context.Device != device) throw new ArgumentException("The context belongs to another device.", nameof(context));
        _device = device;
        Context = context;
    }

    /// <summary>Opens a loopback output (nothing heard; render the mix with <see cref="Loopback"/>).</summary>
    public static OpenAlAudioOutput CreateLoopback(int sampleRate = 48000, HrtfMode hrtf = HrtfMode.Off)
    {
        AlLoopbackDevice device = AlLoopbackDevice.Open(sampleRate);
        try
        {
            return new OpenAlAudioOutput(device, device.CreateContext(new ContextAttributes { Hrtf = hrtf }));
        }
        catch
        {
            device.Dispose();
            throw;
        }
    }

    /// <summary>The context, for OpenAL features beyond this interface (effects, HRTF).</summary>
    public AlContext Context { get; }

    /// <summary>The loopback device when this output renders into memory, else null.</summary>
    public AlLoopbackDevice? Loopback => _device as AlLoopbackDevice;

    /// <inheritdoc />
    public string DeviceName => $"OpenAL Soft: {(Loopback is null ? _device.Name : "loopback")}";

    /// <inheritdoc />
    public bool IsAudible => Loopback is null && !_device.IsNullOutput;

    /// <inheritdoc />
    public bool IsConnected => _device.IsConnected;

    /// <inheritdoc />
    public ListenerPose Listener
    {
        get
        {
            (var at, var up) = Context.Listener.Orientation;
            return new ListenerPose(Context.Listener.Position, at, up);
        }
        set
        {
            Context.Listener.Position = value.Position;
            Context.Listener.Orientation = (value.At, value.Up);
        }
    }

    /// <inheritdoc />
    public IAudioSound Load(AudioClip clip)
    {
        AlBuffer buffer = Context.CreateBuffer();
        try
        {
            buffer.Upload(clip);
            return new OpenAlSound(buffer, clip.Seconds);
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public IAudioVoice Play(IAudioSound sound, VoiceSettings settings)
    {
        settings.Validate();
        if (sound is not OpenAlSound { Buffer: var buffer } || buffer.Context != Context)
            throw new ArgumentException("The sound was loaded by another output.", nameof(sound));
        AlSource source = Context.CreateSource();
        source.Buffer = buffer;
        source.Position = settings.Position;
        source.Gain = settings.Gain;
        source.Pitch = settings.Pitch;
        source.Looping = settings.Looping;
        source.Play();
        return new OpenAlVoice(source);
    }

    /// <summary>Destroys the context (and every buffer and source in it) and closes the device.</summary>
    public void Dispose() => _device.Dispose();
}

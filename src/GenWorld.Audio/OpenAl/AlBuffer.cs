using GenWorld.Core.Audio;
using static GenWorld.Audio.Native.AlConstants;

namespace GenWorld.Audio.OpenAl;

/// <summary>PCM held by OpenAL: float (AL_EXT_FLOAT32) or 16-bit, mono or interleaved stereo. Only mono is spatialised.</summary>
public sealed unsafe class AlBuffer : AlObject
{
    private AlBuffer(AlContext context, uint name) : base(context, name, "buffer") { }

    /// <summary>Channels of the uploaded data (0 before the first upload).</summary>
    public int Channels { get; private set; }

    /// <summary>Frames per second of the uploaded data.</summary>
    public int SampleRate { get; private set; }

    /// <summary>Frames (samples per channel) uploaded.</summary>
    public int Frames { get; private set; }

    internal static AlBuffer Create(AlContext context)
    {
        context.MakeCurrent();
        uint name;
        context.Api.Al.alGenBuffers(1, &name);
        AlErrors.CheckAl(context.Api, "alGenBuffers");
        return new AlBuffer(context, name);
    }

    /// <summary>Uploads a clip (mono or stereo float).</summary>
    public void Upload(AudioClip clip) => Upload(clip.Samples, clip.Channels, clip.SampleRate);

    /// <summary>Uploads interleaved float samples in [-1, 1].</summary>
    public void Upload(ReadOnlySpan<float> samples, int channels, int sampleRate)
    {
        Validate(samples.Length, channels, sampleRate);
        if (!Context.HasExtension("AL_EXT_FLOAT32"))
            throw new NotSupportedException("This OpenAL lacks AL_EXT_FLOAT32; upload 16-bit PCM instead.");
        Use();
        int format = channels == 1 ? AL_FORMAT_MONO_FLOAT32 : AL_FORMAT_STEREO_FLOAT32;
        fixed (float* p = samples) Api.Al.alBufferData(Name, format, p, samples.Length * sizeof(float), sampleRate);
        Check(channels == 1 ? "alBufferData(AL_FORMAT_MONO_FLOAT32)" : "alBufferData(AL_FORMAT_STEREO_FLOAT32)");
        Remember(samples.Length, channels, sampleRate);
    }

    /// <summary>Uploads interleaved signed 16-bit samples.</summary>
    public void Upload(ReadOnlySpan<short> samples, int channels, int sampleRate)
    {
        Validate(samples.Length, channels, sampleRate);
        Use();
        int format = channels == 1 ? AL_FORMAT_MONO16 : AL_FORMAT_STEREO16;
        fixed (short* p = samples) Api.Al.alBufferData(Name, format, p, samples.Length * sizeof(short), sampleRate);
        Check(channels == 1 ? "alBufferData(AL_FORMAT_MONO16)" : "alBufferData(AL_FORMAT_STEREO16)");
        Remember(samples.Length, channels, sampleRate);
    }

    /// <summary>Whether this OpenAL can loop a part of a buffer (AL_SOFT_loop_points; every OpenAL Soft since 1.15 can).</summary>
    public bool SupportsLoopPoints => Context.HasExtension("AL_SOFT_loop_points");

    /// <summary>
    /// A looping source plays the buffer from its first frame once, then frames [<paramref name="start"/>,
    /// <paramref name="end"/>) over and over (AL_SOFT_loop_points). Set after the upload and before any source holds the buffer.
    /// </summary>
    public void SetLoopPoints(int start, int end)
    {
        if (start < 0 || end <= start || end > Frames)
            throw new ArgumentOutOfRangeException(nameof(start), $"Loop points [{start}, {end}) must lie inside the buffer's {Frames} frames, start before end.");
        if (!SupportsLoopPoints) throw new NotSupportedException("This OpenAL lacks AL_SOFT_loop_points.");
        Use();
        int* points = stackalloc int[2] { start, end };
        Api.Al.alBufferiv(Name, AL_LOOP_POINTS_SOFT, points);
        Check("alBufferiv(AL_LOOP_POINTS_SOFT)");
    }

    private protected override void DeleteCore()
    {
        // AL refuses to delete a buffer a source still holds: detach it from those sources first.
        foreach (AlSource source in Context.Sources.Where(s => s.Buffer == this).ToArray()) source.Buffer = null;
        uint name = Name;
        Api.Al.alDeleteBuffers(1, &name);
    }

    private static void Validate(int samples, int channels, int sampleRate)
    {
        if (channels is not (1 or 2))
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "OpenAL buffers are mono or stereo.");
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1000);
        if (samples == 0) throw new ArgumentException("No samples to upload.", nameof(samples));
        if (samples % channels != 0)
            throw new ArgumentException($"{samples} samples is not a whole number of {channels}-channel frames.", nameof(samples));
    }

    private void Remember(int length, int channels, int sampleRate)
    {
        Channels = channels;
        SampleRate = sampleRate;
        Frames = length / channels;
    }
}

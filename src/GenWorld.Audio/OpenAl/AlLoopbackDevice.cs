using GenWorld.Audio.Native;
using static GenWorld.Audio.Native.AlcConstants;

namespace GenWorld.Audio.OpenAl;

/// <summary>
/// ALC_SOFT_loopback: a device with no sound card behind it that mixes on demand into memory. The mix runs
/// on the calling thread inside <see cref="Render(Span{float})"/>, so tests advance audio time themselves.
/// Output is interleaved float stereo at <see cref="SampleRate"/>.
/// </summary>
/// <remarks>
/// OpenAL Soft is only ever asked for whole groups of <see cref="RenderQuantum"/> frames; the surplus of the last group
/// is kept and handed out first by the next call, so callers may ask for any count. Why: OpenAL Soft 1.19.1 (Debian 12)
/// crashes otherwise. After a reverb parameter change its reverb cross-fades over 128 samples in updates rounded down to
/// 4 except the last of a render; a render that leaves the fade at an odd sample makes a later update round to 0, and
/// its biquad filter (which assumes at least one sample) writes on through memory. Found from a core of a `run` soak.
/// </remarks>
public sealed unsafe class AlLoopbackDevice : AlDevice
{
    /// <summary>Frames OpenAL is asked for at a time (a multiple of this).</summary>
    public const int RenderQuantum = 4;

    private readonly float[] _surplus = new float[RenderQuantum * 2];
    private int _surplusStart, _surplusFrames;
    private AlLoopbackDevice(OpenAlApis api, IntPtr handle, int sampleRate) : base(api, handle) => SampleRate = sampleRate;

    /// <summary>Frames per second of the rendered mix.</summary>
    public int SampleRate { get; }

    /// <summary>Channels in the rendered mix (always stereo).</summary>
    public int Channels => 2;

    /// <summary>Opens a loopback device rendering float stereo at <paramref name="sampleRate"/>.</summary>
    public static AlLoopbackDevice Open(int sampleRate = 48000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 8000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sampleRate, 192000);
        OpenAlApis api = OpenAlLibrary.Api;
        AlcSoftApi soft = api.RequireSoft("ALC_SOFT_loopback");
        IntPtr handle = soft.alcLoopbackOpenDeviceSOFT(null);
        if (handle == IntPtr.Zero)
            throw new AlException("alcLoopbackOpenDeviceSOFT", AlErrors.AlcName(api.Alc.alcGetError(IntPtr.Zero)));
        if (soft.alcIsRenderFormatSupportedSOFT(handle, sampleRate, ALC_STEREO_SOFT, ALC_FLOAT_SOFT) == 0)
        {
            _ = api.Alc.alcCloseDevice(handle);
            throw new NotSupportedException($"OpenAL loopback cannot render float stereo at {sampleRate} Hz (alcIsRenderFormatSupportedSOFT said no).");
        }
        return new AlLoopbackDevice(api, handle, sampleRate);
    }

    /// <summary>Mixes <paramref name="frames"/> frames and returns them interleaved (L, R, L, R...).</summary>
    public float[] Render(int frames)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frames);
        var samples = new float[frames * Channels];
        Render(samples);
        return samples;
    }

    /// <summary>Mixes <c>destination.Length / 2</c> frames into <paramref name="destination"/> (no allocation).</summary>
    public void Render(Span<float> destination)
    {
        ThrowIfDisposed();
        if (destination.Length % Channels != 0)
            throw new ArgumentException($"Length {destination.Length} is not a whole number of stereo frames.", nameof(destination));
        int frames = destination.Length / Channels;
        int fromSurplus = Math.Min(frames, _surplusFrames);
        _surplus.AsSpan(_surplusStart * Channels, fromSurplus * Channels).CopyTo(destination);
        (_surplusStart, _surplusFrames) = (_surplusStart + fromSurplus, _surplusFrames - fromSurplus);
        Span<float> rest = destination[(fromSurplus * Channels)..];
        int whole = rest.Length / Channels / RenderQuantum * RenderQuantum;
        if (whole > 0) RenderExactly(rest[..(whole * Channels)]);
        int tail = (rest.Length / Channels) - whole;
        if (tail == 0) return;
        RenderExactly(_surplus);
        _surplus.AsSpan(0, tail * Channels).CopyTo(rest[(whole * Channels)..]);
        (_surplusStart, _surplusFrames) = (tail, RenderQuantum - tail);
    }

    private void RenderExactly(Span<float> destination)
    {
        AlcSoftApi soft = Api.RequireSoft("ALC_SOFT_loopback");
        fixed (float* p = destination) soft.alcRenderSamplesSOFT(Handle, p, destination.Length / Channels);
        AlErrors.CheckAlc(Api, Handle, "alcRenderSamplesSOFT");
    }

    private protected override void AddFormatAttributes(List<int> attributes)
    {
        // A loopback device needs its format in every attribute list, including alcResetDeviceSOFT's.
        attributes.AddRange([ALC_FORMAT_CHANNELS_SOFT, ALC_STEREO_SOFT, ALC_FORMAT_TYPE_SOFT, ALC_FLOAT_SOFT, ALC_FREQUENCY, SampleRate]);
    }
}

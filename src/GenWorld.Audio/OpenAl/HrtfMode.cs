namespace GenWorld.Audio.OpenAl;

/// <summary>What to ask OpenAL Soft for through the <c>ALC_HRTF_SOFT</c> attribute.</summary>
public enum HrtfMode
{
    /// <summary>Leave it to OpenAL Soft's config (it enables HRTF when it detects headphones).</summary>
    DontCare,

    /// <summary>Plain stereo panning, no HRTF.</summary>
    Off,

    /// <summary>Binaural rendering with a head-related transfer function.</summary>
    On,
}

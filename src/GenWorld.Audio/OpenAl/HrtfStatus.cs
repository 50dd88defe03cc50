namespace GenWorld.Audio.OpenAl;

/// <summary>The device's HRTF state as OpenAL Soft reports it (<c>ALC_HRTF_STATUS_SOFT</c>).</summary>
public enum HrtfStatus
{
    /// <summary>HRTF is off.</summary>
    Disabled = 0,

    /// <summary>HRTF is on.</summary>
    Enabled = 1,

    /// <summary>HRTF is off because the config forbids it.</summary>
    Denied = 2,

    /// <summary>HRTF is on because the config requires it.</summary>
    Required = 3,

    /// <summary>HRTF is on because headphones were detected.</summary>
    HeadphonesDetected = 4,

    /// <summary>HRTF is off because the output format is not stereo or no data matches the rate.</summary>
    UnsupportedFormat = 5,
}

namespace GenWorld.Audio.OpenAl;

/// <summary>A source's playback state (<c>AL_SOURCE_STATE</c>); values are the AL enums.</summary>
public enum AlSourceState
{
    /// <summary>Never played (or rewound).</summary>
    Initial = 0x1011,

    /// <summary>Playing.</summary>
    Playing = 0x1012,

    /// <summary>Paused.</summary>
    Paused = 0x1013,

    /// <summary>Stopped, or reached the end of a non-looping buffer.</summary>
    Stopped = 0x1014,
}

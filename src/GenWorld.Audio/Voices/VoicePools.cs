using GenWorld.Audio.Output;

namespace GenWorld.Audio.Voices;

/// <summary>Picks the pool that fits an output, so hosts need not know which output they got.</summary>
public static class VoicePools
{
    /// <summary>A <see cref="VoicePool"/> on an OpenAL output's context, else a <see cref="NullVoicePool"/>.</summary>
    public static IVoicePool For(IAudioOutput output, VoicePoolOptions? options = null) => output switch
    {
        OpenAlAudioOutput openAl => new VoicePool(openAl.Context, options),
        _ => new NullVoicePool(options),
    };
}

namespace GenWorld.Audio.Native;

/// <summary>ALC_EXT_EFX enums (efx.h) for reverb, effect slots and source sends.</summary>
internal static class EfxConstants
{
    public const int AL_AUXILIARY_SEND_FILTER = 0x20006;
    public const int AL_FILTER_NULL = 0;
    public const int AL_EFFECTSLOT_NULL = 0;

    public const int AL_EFFECT_TYPE = 0x8001;
    public const int AL_EFFECT_REVERB = 0x0001;
    public const int AL_EFFECT_EAXREVERB = 0x8000;

    public const int AL_EFFECTSLOT_EFFECT = 0x0001;
    public const int AL_EFFECTSLOT_GAIN = 0x0002;

    public const int AL_REVERB_DENSITY = 0x0001;
    public const int AL_REVERB_DIFFUSION = 0x0002;
    public const int AL_REVERB_GAIN = 0x0003;
    public const int AL_REVERB_GAINHF = 0x0004;
    public const int AL_REVERB_DECAY_TIME = 0x0005;
    public const int AL_REVERB_DECAY_HFRATIO = 0x0006;
    public const int AL_REVERB_REFLECTIONS_GAIN = 0x0007;
    public const int AL_REVERB_REFLECTIONS_DELAY = 0x0008;
    public const int AL_REVERB_LATE_REVERB_GAIN = 0x0009;
    public const int AL_REVERB_LATE_REVERB_DELAY = 0x000A;

    public const int AL_EAXREVERB_DENSITY = 0x0001;
    public const int AL_EAXREVERB_DIFFUSION = 0x0002;
    public const int AL_EAXREVERB_GAIN = 0x0003;
    public const int AL_EAXREVERB_GAINHF = 0x0004;
    public const int AL_EAXREVERB_DECAY_TIME = 0x0006;
    public const int AL_EAXREVERB_DECAY_HFRATIO = 0x0007;
    public const int AL_EAXREVERB_REFLECTIONS_GAIN = 0x0009;
    public const int AL_EAXREVERB_REFLECTIONS_DELAY = 0x000A;
    public const int AL_EAXREVERB_LATE_REVERB_GAIN = 0x000C;
    public const int AL_EAXREVERB_LATE_REVERB_DELAY = 0x000D;
}

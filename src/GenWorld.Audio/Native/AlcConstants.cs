namespace GenWorld.Audio.Native;

/// <summary>ALC enums (alc.h), ALC_SOFT_loopback and ALC_SOFT_HRTF, named as in the C headers.</summary>
internal static class AlcConstants
{
    public const int ALC_FALSE = 0;
    public const int ALC_TRUE = 1;

    public const int ALC_FREQUENCY = 0x1007;
    public const int ALC_DEVICE_SPECIFIER = 0x1005;
    public const int ALC_EXTENSIONS = 0x1006;
    public const int ALC_MAJOR_VERSION = 0x1000;
    public const int ALC_MINOR_VERSION = 0x1001;
    public const int ALC_DEFAULT_ALL_DEVICES_SPECIFIER = 0x1012;
    public const int ALC_ALL_DEVICES_SPECIFIER = 0x1013;

    // ALC_EXT_disconnect: 0 once the device is gone (unplugged, its server or sink failed); it never comes back.
    public const int ALC_CONNECTED = 0x313;

    public const int ALC_NO_ERROR = 0;
    public const int ALC_INVALID_DEVICE = 0xA001;
    public const int ALC_INVALID_CONTEXT = 0xA002;
    public const int ALC_INVALID_ENUM = 0xA003;
    public const int ALC_INVALID_VALUE = 0xA004;
    public const int ALC_OUT_OF_MEMORY = 0xA005;

    // ALC_SOFT_loopback
    public const int ALC_FORMAT_CHANNELS_SOFT = 0x1990;
    public const int ALC_FORMAT_TYPE_SOFT = 0x1991;
    public const int ALC_FLOAT_SOFT = 0x1406;
    public const int ALC_STEREO_SOFT = 0x1501;

    // ALC_SOFT_HRTF
    public const int ALC_HRTF_SOFT = 0x1992;
    public const int ALC_DONT_CARE_SOFT = 0x0002;
    public const int ALC_HRTF_STATUS_SOFT = 0x1993;
    public const int ALC_NUM_HRTF_SPECIFIERS_SOFT = 0x1994;
    public const int ALC_HRTF_SPECIFIER_SOFT = 0x1995;
    public const int ALC_HRTF_ID_SOFT = 0x1996;

    // ALC_EXT_EFX
    public const int ALC_EFX_MAJOR_VERSION = 0x20001;
    public const int ALC_EFX_MINOR_VERSION = 0x20002;
    public const int ALC_MAX_AUXILIARY_SENDS = 0x20003;
}

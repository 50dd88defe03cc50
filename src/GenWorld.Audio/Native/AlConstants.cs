namespace GenWorld.Audio.Native;

/// <summary>Core AL enums (al.h) and AL_EXT_FLOAT32, named as in the C header.</summary>
internal static class AlConstants
{
    public const int AL_NONE = 0;
    public const int AL_FALSE = 0;
    public const int AL_TRUE = 1;

    public const int AL_SOURCE_RELATIVE = 0x202;
    public const int AL_PITCH = 0x1003;
    public const int AL_POSITION = 0x1004;
    public const int AL_VELOCITY = 0x1006;
    public const int AL_LOOPING = 0x1007;
    /// <summary>AL_SOFT_loop_points: a buffer's loop start and end frame (alBufferiv, while no source holds it).</summary>
    public const int AL_LOOP_POINTS_SOFT = 0x2015;
    public const int AL_BUFFER = 0x1009;
    public const int AL_GAIN = 0x100A;
    public const int AL_ORIENTATION = 0x100F;
    public const int AL_SOURCE_STATE = 0x1010;
    public const int AL_INITIAL = 0x1011;
    public const int AL_PLAYING = 0x1012;
    public const int AL_PAUSED = 0x1013;
    public const int AL_STOPPED = 0x1014;
    public const int AL_REFERENCE_DISTANCE = 0x1020;
    public const int AL_ROLLOFF_FACTOR = 0x1021;
    public const int AL_MAX_DISTANCE = 0x1023;
    public const int AL_SAMPLE_OFFSET = 0x1025;

    public const int AL_FORMAT_MONO16 = 0x1101;
    public const int AL_FORMAT_STEREO16 = 0x1103;
    public const int AL_FORMAT_MONO_FLOAT32 = 0x10010;
    public const int AL_FORMAT_STEREO_FLOAT32 = 0x10011;

    public const int AL_FREQUENCY = 0x2001;
    public const int AL_SIZE = 0x2004;

    public const int AL_NO_ERROR = 0;
    public const int AL_INVALID_NAME = 0xA001;
    public const int AL_INVALID_ENUM = 0xA002;
    public const int AL_INVALID_VALUE = 0xA003;
    public const int AL_INVALID_OPERATION = 0xA004;
    public const int AL_OUT_OF_MEMORY = 0xA005;

    public const int AL_VENDOR = 0xB001;
    public const int AL_VERSION = 0xB002;
    public const int AL_RENDERER = 0xB003;
    public const int AL_EXTENSIONS = 0xB004;

    public const int AL_DOPPLER_FACTOR = 0xC000;
    public const int AL_SPEED_OF_SOUND = 0xC003;
    public const int AL_DISTANCE_MODEL = 0xD000;
}

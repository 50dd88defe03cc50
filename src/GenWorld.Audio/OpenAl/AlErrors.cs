using GenWorld.Audio.Native;
using static GenWorld.Audio.Native.AlConstants;
using static GenWorld.Audio.Native.AlcConstants;

namespace GenWorld.Audio.OpenAl;

/// <summary>Reads alGetError / alcGetError after a call and throws with the call named.</summary>
internal static unsafe class AlErrors
{
    public static void CheckAl(OpenAlApis api, string call)
    {
        int error = api.Al.alGetError();
        if (error != AL_NO_ERROR) throw new AlException(call, AlName(error));
    }

    public static void CheckAlc(OpenAlApis api, IntPtr device, string call)
    {
        int error = api.Alc.alcGetError(device);
        if (error != ALC_NO_ERROR) throw new AlException(call, AlcName(error));
    }

    /// <summary>Drops a pending error left by an earlier failed call, so the next check reports only its own call.</summary>
    public static void ClearAl(OpenAlApis api) => _ = api.Al.alGetError();

    public static string AlName(int error) => error switch
    {
        AL_INVALID_NAME => "AL_INVALID_NAME",
        AL_INVALID_ENUM => "AL_INVALID_ENUM",
        AL_INVALID_VALUE => "AL_INVALID_VALUE",
        AL_INVALID_OPERATION => "AL_INVALID_OPERATION",
        AL_OUT_OF_MEMORY => "AL_OUT_OF_MEMORY",
        _ => $"AL error 0x{error:X}",
    };

    public static string AlcName(int error) => error switch
    {
        ALC_INVALID_DEVICE => "ALC_INVALID_DEVICE",
        ALC_INVALID_CONTEXT => "ALC_INVALID_CONTEXT",
        ALC_INVALID_ENUM => "ALC_INVALID_ENUM",
        ALC_INVALID_VALUE => "ALC_INVALID_VALUE",
        ALC_OUT_OF_MEMORY => "ALC_OUT_OF_MEMORY",
        _ => $"ALC error 0x{error:X}",
    };
}

namespace GenWorld.Audio.Native;

/// <summary>
/// ALC_SOFT_loopback and ALC_SOFT_HRTF entry points. Extension functions are fetched through
/// <c>alcGetProcAddress</c> as the extension specs require, not as plain exports.
/// </summary>
internal sealed unsafe class AlcSoftApi
{
    public readonly delegate* unmanaged<byte*, IntPtr> alcLoopbackOpenDeviceSOFT;
    public readonly delegate* unmanaged<IntPtr, int, int, int, byte> alcIsRenderFormatSupportedSOFT;
    public readonly delegate* unmanaged<IntPtr, void*, int, void> alcRenderSamplesSOFT;
    public readonly delegate* unmanaged<IntPtr, int, int, byte*> alcGetStringiSOFT;
    public readonly delegate* unmanaged<IntPtr, int*, byte> alcResetDeviceSOFT;

    public AlcSoftApi(Func<string, IntPtr> resolve)
    {
        alcLoopbackOpenDeviceSOFT = (delegate* unmanaged<byte*, IntPtr>)resolve(nameof(alcLoopbackOpenDeviceSOFT));
        alcIsRenderFormatSupportedSOFT = (delegate* unmanaged<IntPtr, int, int, int, byte>)resolve(nameof(alcIsRenderFormatSupportedSOFT));
        alcRenderSamplesSOFT = (delegate* unmanaged<IntPtr, void*, int, void>)resolve(nameof(alcRenderSamplesSOFT));
        alcGetStringiSOFT = (delegate* unmanaged<IntPtr, int, int, byte*>)resolve(nameof(alcGetStringiSOFT));
        alcResetDeviceSOFT = (delegate* unmanaged<IntPtr, int*, byte>)resolve(nameof(alcResetDeviceSOFT));
    }
}

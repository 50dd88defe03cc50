namespace GenWorld.Audio.Native;

/// <summary>Core ALC 1.1 entry points (devices, contexts, errors, strings), resolved from the library handle.</summary>
internal sealed unsafe class AlcApi
{
    public readonly delegate* unmanaged<byte*, IntPtr> alcOpenDevice;
    public readonly delegate* unmanaged<IntPtr, byte> alcCloseDevice;
    public readonly delegate* unmanaged<IntPtr, int*, IntPtr> alcCreateContext;
    public readonly delegate* unmanaged<IntPtr, void> alcDestroyContext;
    public readonly delegate* unmanaged<IntPtr, byte> alcMakeContextCurrent;
    public readonly delegate* unmanaged<IntPtr> alcGetCurrentContext;
    public readonly delegate* unmanaged<IntPtr, int> alcGetError;
    public readonly delegate* unmanaged<IntPtr, int, byte*> alcGetString;
    public readonly delegate* unmanaged<IntPtr, int, int, int*, void> alcGetIntegerv;
    public readonly delegate* unmanaged<IntPtr, byte*, byte> alcIsExtensionPresent;
    public readonly delegate* unmanaged<IntPtr, byte*, IntPtr> alcGetProcAddress;

    public AlcApi(Func<string, IntPtr> resolve)
    {
        alcOpenDevice = (delegate* unmanaged<byte*, IntPtr>)resolve(nameof(alcOpenDevice));
        alcCloseDevice = (delegate* unmanaged<IntPtr, byte>)resolve(nameof(alcCloseDevice));
        alcCreateContext = (delegate* unmanaged<IntPtr, int*, IntPtr>)resolve(nameof(alcCreateContext));
        alcDestroyContext = (delegate* unmanaged<IntPtr, void>)resolve(nameof(alcDestroyContext));
        alcMakeContextCurrent = (delegate* unmanaged<IntPtr, byte>)resolve(nameof(alcMakeContextCurrent));
        alcGetCurrentContext = (delegate* unmanaged<IntPtr>)resolve(nameof(alcGetCurrentContext));
        alcGetError = (delegate* unmanaged<IntPtr, int>)resolve(nameof(alcGetError));
        alcGetString = (delegate* unmanaged<IntPtr, int, byte*>)resolve(nameof(alcGetString));
        alcGetIntegerv = (delegate* unmanaged<IntPtr, int, int, int*, void>)resolve(nameof(alcGetIntegerv));
        alcIsExtensionPresent = (delegate* unmanaged<IntPtr, byte*, byte>)resolve(nameof(alcIsExtensionPresent));
        alcGetProcAddress = (delegate* unmanaged<IntPtr, byte*, IntPtr>)resolve(nameof(alcGetProcAddress));
    }
}

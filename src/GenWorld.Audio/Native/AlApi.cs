namespace GenWorld.Audio.Native;

/// <summary>
/// Core AL 1.1 entry points as unmanaged function pointers, resolved once from the handle that
/// <see cref="OpenAlLibrary"/> loaded by SONAME (no DllImport name guessing, no unversioned .so).
/// </summary>
internal sealed unsafe class AlApi
{
    public readonly delegate* unmanaged<int> alGetError;
    public readonly delegate* unmanaged<int, byte*> alGetString;
    public readonly delegate* unmanaged<byte*, byte> alIsExtensionPresent;
    public readonly delegate* unmanaged<byte*, IntPtr> alGetProcAddress;
    public readonly delegate* unmanaged<int, void> alDistanceModel;
    public readonly delegate* unmanaged<float, void> alDopplerFactor;
    public readonly delegate* unmanaged<float, void> alSpeedOfSound;
    public readonly delegate* unmanaged<int, int> alGetInteger;
    public readonly delegate* unmanaged<int, float> alGetFloat;

    public readonly delegate* unmanaged<int, uint*, void> alGenBuffers;
    public readonly delegate* unmanaged<int, uint*, void> alDeleteBuffers;
    public readonly delegate* unmanaged<uint, int, void*, int, int, void> alBufferData;
    public readonly delegate* unmanaged<uint, int, int*, void> alGetBufferi;
    public readonly delegate* unmanaged<uint, int, int*, void> alBufferiv;

    public readonly delegate* unmanaged<int, uint*, void> alGenSources;
    public readonly delegate* unmanaged<int, uint*, void> alDeleteSources;
    public readonly delegate* unmanaged<uint, int, float, void> alSourcef;
    public readonly delegate* unmanaged<uint, int, float, float, float, void> alSource3f;
    public readonly delegate* unmanaged<uint, int, int, void> alSourcei;
    public readonly delegate* unmanaged<uint, int, int, int, int, void> alSource3i;
    public readonly delegate* unmanaged<uint, int, float*, void> alGetSourcef;
    public readonly delegate* unmanaged<uint, int, float*, float*, float*, void> alGetSource3f;
    public readonly delegate* unmanaged<uint, int, int*, void> alGetSourcei;
    public readonly delegate* unmanaged<uint, void> alSourcePlay;
    public readonly delegate* unmanaged<uint, void> alSourceStop;
    public readonly delegate* unmanaged<uint, void> alSourcePause;
    public readonly delegate* unmanaged<uint, void> alSourceRewind;

    public readonly delegate* unmanaged<int, float, void> alListenerf;
    public readonly delegate* unmanaged<int, float, float, float, void> alListener3f;
    public readonly delegate* unmanaged<int, float*, void> alListenerfv;
    public readonly delegate* unmanaged<int, float*, void> alGetListenerf;
    public readonly delegate* unmanaged<int, float*, void> alGetListenerfv;

    public AlApi(Func<string, IntPtr> resolve)
    {
        alGetError = (delegate* unmanaged<int>)resolve(nameof(alGetError));
        alGetString = (delegate* unmanaged<int, byte*>)resolve(nameof(alGetString));
        alIsExtensionPresent = (delegate* unmanaged<byte*, byte>)resolve(nameof(alIsExtensionPresent));
        alGetProcAddress = (delegate* unmanaged<byte*, IntPtr>)resolve(nameof(alGetProcAddress));
        alDistanceModel = (delegate* unmanaged<int, void>)resolve(nameof(alDistanceModel));
        alDopplerFactor = (delegate* unmanaged<float, void>)resolve(nameof(alDopplerFactor));
        alSpeedOfSound = (delegate* unmanaged<float, void>)resolve(nameof(alSpeedOfSound));
        alGetInteger = (delegate* unmanaged<int, int>)resolve(nameof(alGetInteger));
        alGetFloat = (delegate* unmanaged<int, float>)resolve(nameof(alGetFloat));

        alGenBuffers = (delegate* unmanaged<int, uint*, void>)resolve(nameof(alGenBuffers));
        alDeleteBuffers = (delegate* unmanaged<int, uint*, void>)resolve(nameof(alDeleteBuffers));
        alBufferData = (delegate* unmanaged<uint, int, void*, int, int, void>)resolve(nameof(alBufferData));
        alGetBufferi = (delegate* unmanaged<uint, int, int*, void>)resolve(nameof(alGetBufferi));
        alBufferiv = (delegate* unmanaged<uint, int, int*, void>)resolve(nameof(alBufferiv));

        alGenSources = (delegate* unmanaged<int, uint*, void>)resolve(nameof(alGenSources));
        alDeleteSources = (delegate* unmanaged<int, uint*, void>)resolve(nameof(alDeleteSources));
        alSourcef = (delegate* unmanaged<uint, int, float, void>)resolve(nameof(alSourcef));
        alSource3f = (delegate* unmanaged<uint, int, float, float, float, void>)resolve(nameof(alSource3f));
        alSourcei = (delegate* unmanaged<uint, int, int, void>)resolve(nameof(alSourcei));
        alSource3i = (delegate* unmanaged<uint, int, int, int, int, void>)resolve(nameof(alSource3i));
        alGetSourcef = (delegate* unmanaged<uint, int, float*, void>)resolve(nameof(alGetSourcef));
        alGetSource3f = (delegate* unmanaged<uint, int, float*, float*, float*, void>)resolve(nameof(alGetSource3f));
        alGetSourcei = (delegate* unmanaged<uint, int, int*, void>)resolve(nameof(alGetSourcei));
        alSourcePlay = (delegate* unmanaged<uint, void>)resolve(nameof(alSourcePlay));
        alSourceStop = (delegate* unmanaged<uint, void>)resolve(nameof(alSourceStop));
        alSourcePause = (delegate* unmanaged<uint, void>)resolve(nameof(alSourcePause));
        alSourceRewind = (delegate* unmanaged<uint, void>)resolve(nameof(alSourceRewind));

        alListenerf = (delegate* unmanaged<int, float, void>)resolve(nameof(alListenerf));
        alListener3f = (delegate* unmanaged<int, float, float, float, void>)resolve(nameof(alListener3f));
        alListenerfv = (delegate* unmanaged<int, float*, void>)resolve(nameof(alListenerfv));
        alGetListenerf = (delegate* unmanaged<int, float*, void>)resolve(nameof(alGetListenerf));
        alGetListenerfv = (delegate* unmanaged<int, float*, void>)resolve(nameof(alGetListenerfv));
    }
}

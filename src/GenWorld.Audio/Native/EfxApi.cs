namespace GenWorld.Audio.Native;

/// <summary>ALC_EXT_EFX entry points (effects and auxiliary effect slots), fetched through <c>alGetProcAddress</c>.</summary>
internal sealed unsafe class EfxApi
{
    public readonly delegate* unmanaged<int, uint*, void> alGenEffects;
    public readonly delegate* unmanaged<int, uint*, void> alDeleteEffects;
    public readonly delegate* unmanaged<uint, int, int, void> alEffecti;
    public readonly delegate* unmanaged<uint, int, float, void> alEffectf;
    public readonly delegate* unmanaged<uint, int, float*, void> alGetEffectf;
    public readonly delegate* unmanaged<int, uint*, void> alGenAuxiliaryEffectSlots;
    public readonly delegate* unmanaged<int, uint*, void> alDeleteAuxiliaryEffectSlots;
    public readonly delegate* unmanaged<uint, int, int, void> alAuxiliaryEffectSloti;
    public readonly delegate* unmanaged<uint, int, float, void> alAuxiliaryEffectSlotf;

    public EfxApi(Func<string, IntPtr> resolve)
    {
        alGenEffects = (delegate* unmanaged<int, uint*, void>)resolve(nameof(alGenEffects));
        alDeleteEffects = (delegate* unmanaged<int, uint*, void>)resolve(nameof(alDeleteEffects));
        alEffecti = (delegate* unmanaged<uint, int, int, void>)resolve(nameof(alEffecti));
        alEffectf = (delegate* unmanaged<uint, int, float, void>)resolve(nameof(alEffectf));
        alGetEffectf = (delegate* unmanaged<uint, int, float*, void>)resolve(nameof(alGetEffectf));
        alGenAuxiliaryEffectSlots = (delegate* unmanaged<int, uint*, void>)resolve(nameof(alGenAuxiliaryEffectSlots));
        alDeleteAuxiliaryEffectSlots = (delegate* unmanaged<int, uint*, void>)resolve(nameof(alDeleteAuxiliaryEffectSlots));
        alAuxiliaryEffectSloti = (delegate* unmanaged<uint, int, int, void>)resolve(nameof(alAuxiliaryEffectSloti));
        alAuxiliaryEffectSlotf = (delegate* unmanaged<uint, int, float, void>)resolve(nameof(alAuxiliaryEffectSlotf));
    }
}

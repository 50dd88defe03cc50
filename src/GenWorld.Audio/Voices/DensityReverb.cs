using GenWorld.Audio.Efx;
using GenWorld.Audio.OpenAl;

namespace GenWorld.Audio.Voices;

/// <summary>
/// The pool's EFX reverb. Its size follows the field's local density (0..1): an empty region is small and nearly dry
/// (short decay, early reflections close), a dense one a large hall (long decay, later and stronger tail). Parameter
/// changes are applied only when the density moved noticeably, since each change re-sends the effect to the slot.
/// </summary>
public sealed class DensityReverb : IDisposable
{
    private const float MinChange = 0.02f;
    private readonly AlReverbEffect _effect;

    /// <summary>Creates the effect and its slot at <paramref name="density"/>.</summary>
    public DensityReverb(AlContext context, float density = 0.5f)
    {
        _effect = AlReverbEffect.Create(context, SettingsFor(density));
        try
        {
            Slot = AlEffectSlot.Create(context);
            Slot.Effect = _effect;
        }
        catch
        {
            _effect.Dispose();
            throw;
        }
        Density = density;
    }

    /// <summary>The slot voices send to.</summary>
    public AlEffectSlot Slot { get; }

    /// <summary>The density the current settings were made for.</summary>
    public float Density { get; private set; }

    /// <summary>The reverb parameters in use.</summary>
    public ReverbSettings Settings => _effect.Settings;

    /// <summary>Moves the reverb to <paramref name="density"/> (0..1); small changes are ignored.</summary>
    public void SetDensity(float density)
    {
        Validate(density);
        if (MathF.Abs(density - Density) < MinChange) return;
        _effect.Settings = SettingsFor(density);
        Density = density;
    }

    /// <summary>Reverb parameters for <paramref name="density"/>: decay 0.4 s → 4 s, reflections 5 → 50 ms later.</summary>
    public static ReverbSettings SettingsFor(float density)
    {
        Validate(density);
        float d = density;
        return new ReverbSettings
        {
            Density = Lerp(0.3f, 1f, d),
            Diffusion = 1f,
            Gain = Lerp(0.2f, 0.5f, d),
            GainHF = Lerp(0.9f, 0.7f, d),
            DecayTime = Lerp(0.4f, 4f, d),
            DecayHFRatio = Lerp(1f, 0.6f, d),
            ReflectionsGain = Lerp(0.3f, 0.1f, d),
            ReflectionsDelay = Lerp(0.005f, 0.05f, d),
            LateReverbGain = Lerp(0.8f, 1.6f, d),
            LateReverbDelay = Lerp(0.005f, 0.04f, d),
        };
    }

    /// <summary>Deletes the slot and the effect.</summary>
    public void Dispose()
    {
        Slot.Dispose();
        _effect.Dispose();
    }

    private static void Validate(float density)
    {
        if (!(density is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(density), density, "Density must be 0..1.");
    }

    private static float Lerp(float a, float b, float t) => a + ((b - a) * t);
}

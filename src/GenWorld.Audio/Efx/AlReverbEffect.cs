using GenWorld.Audio.Native;
using GenWorld.Audio.OpenAl;
using static GenWorld.Audio.Native.EfxConstants;

namespace GenWorld.Audio.Efx;

/// <summary>
/// An EFX reverb. Uses the EAX reverb when OpenAL offers it (it has the standard reverb's parameters plus more)
/// and the standard reverb otherwise. Slots copy an effect's parameters when it is attached, so changing
/// <see cref="Settings"/> re-attaches it to every slot that holds it.
/// </summary>
public sealed unsafe class AlReverbEffect : AlObject
{
    private ReverbSettings _settings = new();

    private AlReverbEffect(AlContext context, uint name, bool isEax) : base(context, name, "effect") => IsEax = isEax;

    /// <summary>True when this is the EAX reverb, false for the standard EFX reverb.</summary>
    public bool IsEax { get; }

    /// <summary>Creates a reverb with <paramref name="settings"/> (EFX defaults when null).</summary>
    public static AlReverbEffect Create(AlContext context, ReverbSettings? settings = null)
    {
        settings ??= new ReverbSettings();
        settings.Validate();
        EfxApi efx = context.Api.RequireEfx();
        context.MakeCurrent();
        uint name;
        efx.alGenEffects(1, &name);
        AlErrors.CheckAl(context.Api, "alGenEffects");
        efx.alEffecti(name, AL_EFFECT_TYPE, AL_EFFECT_EAXREVERB);
        bool isEax = context.Api.Al.alGetError() == 0;
        if (!isEax)
        {
            efx.alEffecti(name, AL_EFFECT_TYPE, AL_EFFECT_REVERB);
            AlErrors.CheckAl(context.Api, "alEffecti(AL_EFFECT_TYPE, AL_EFFECT_REVERB)");
        }
        var effect = new AlReverbEffect(context, name, isEax);
        effect.Settings = settings;
        return effect;
    }

    /// <summary>The reverb parameters; setting validates, applies and refreshes the slots that hold this effect.</summary>
    public ReverbSettings Settings
    {
        get => _settings;
        set
        {
            value.Validate();
            Use();
            Set(IsEax ? AL_EAXREVERB_DENSITY : AL_REVERB_DENSITY, value.Density, nameof(value.Density));
            Set(IsEax ? AL_EAXREVERB_DIFFUSION : AL_REVERB_DIFFUSION, value.Diffusion, nameof(value.Diffusion));
            Set(IsEax ? AL_EAXREVERB_GAIN : AL_REVERB_GAIN, value.Gain, nameof(value.Gain));
            Set(IsEax ? AL_EAXREVERB_GAINHF : AL_REVERB_GAINHF, value.GainHF, nameof(value.GainHF));
            Set(IsEax ? AL_EAXREVERB_DECAY_TIME : AL_REVERB_DECAY_TIME, value.DecayTime, nameof(value.DecayTime));
            Set(IsEax ? AL_EAXREVERB_DECAY_HFRATIO : AL_REVERB_DECAY_HFRATIO, value.DecayHFRatio, nameof(value.DecayHFRatio));
            Set(IsEax ? AL_EAXREVERB_REFLECTIONS_GAIN : AL_REVERB_REFLECTIONS_GAIN, value.ReflectionsGain, nameof(value.ReflectionsGain));
            Set(IsEax ? AL_EAXREVERB_REFLECTIONS_DELAY : AL_REVERB_REFLECTIONS_DELAY, value.ReflectionsDelay, nameof(value.ReflectionsDelay));
            Set(IsEax ? AL_EAXREVERB_LATE_REVERB_GAIN : AL_REVERB_LATE_REVERB_GAIN, value.LateReverbGain, nameof(value.LateReverbGain));
            Set(IsEax ? AL_EAXREVERB_LATE_REVERB_DELAY : AL_REVERB_LATE_REVERB_DELAY, value.LateReverbDelay, nameof(value.LateReverbDelay));
            _settings = value;
            foreach (AlEffectSlot slot in AlEffectSlot.Holding(Context, this)) slot.Effect = this;
        }
    }

    private protected override void DeleteCore()
    {
        uint name = Name;
        Api.RequireEfx().alDeleteEffects(1, &name);
    }

    private void Set(int param, float value, string field)
    {
        Api.RequireEfx().alEffectf(Name, param, value);
        Check($"alEffectf({(IsEax ? "EAXREVERB" : "REVERB")} {field}, {value})");
    }
}

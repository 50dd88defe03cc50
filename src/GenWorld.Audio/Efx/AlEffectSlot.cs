using GenWorld.Audio.Native;
using GenWorld.Audio.OpenAl;
using static GenWorld.Audio.Native.EfxConstants;

namespace GenWorld.Audio.Efx;

/// <summary>An EFX auxiliary effect slot: sources send into it (<see cref="AlSourceSends.SendTo"/>) and it runs one effect.</summary>
public sealed unsafe class AlEffectSlot : AlObject
{
    private AlReverbEffect? _effect;

    private AlEffectSlot(AlContext context, uint name) : base(context, name, "effect slot") { }

    /// <summary>Creates an empty slot (no effect: sends to it are silent).</summary>
    public static AlEffectSlot Create(AlContext context)
    {
        EfxApi efx = context.Api.RequireEfx();
        context.MakeCurrent();
        uint name;
        efx.alGenAuxiliaryEffectSlots(1, &name);
        AlErrors.CheckAl(context.Api, "alGenAuxiliaryEffectSlots");
        return new AlEffectSlot(context, name);
    }

    /// <summary>The effect the slot runs (its parameters are copied now); null empties the slot.</summary>
    public AlReverbEffect? Effect
    {
        get => _effect;
        set
        {
            if (value is not null && value.Context != Context)
                throw new ArgumentException("The effect belongs to another context.", nameof(value));
            Use();
            Api.RequireEfx().alAuxiliaryEffectSloti(Name, AL_EFFECTSLOT_EFFECT, (int)(value?.Name ?? 0));
            Check("alAuxiliaryEffectSloti(AL_EFFECTSLOT_EFFECT)");
            _effect = value;
        }
    }

    /// <summary>Output level of the slot, 0..1.</summary>
    public float Gain
    {
        set
        {
            if (!(value is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(value), value, "Slot gain is 0..1.");
            Use();
            Api.RequireEfx().alAuxiliaryEffectSlotf(Name, AL_EFFECTSLOT_GAIN, value);
            Check("alAuxiliaryEffectSlotf(AL_EFFECTSLOT_GAIN)");
        }
    }

    internal static IEnumerable<AlEffectSlot> Holding(AlContext context, AlReverbEffect effect) =>
        context.Objects.OfType<AlEffectSlot>().Where(s => s._effect == effect).ToArray();

    /// <summary>A slot holds an effect: freed after the sources, before the effects.</summary>
    internal override int DeleteOrder => 1;

    private protected override void DeleteCore()
    {
        // AL refuses to delete a slot that sources still send to.
        foreach (AlSource source in Context.Sources.Where(s => s.SendsTo(Name)).ToArray()) source.Disconnect(Name);
        uint name = Name;
        Api.RequireEfx().alDeleteAuxiliaryEffectSlots(1, &name);
    }
}

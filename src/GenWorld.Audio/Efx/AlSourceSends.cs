using GenWorld.Audio.OpenAl;
using static GenWorld.Audio.Native.EfxConstants;

namespace GenWorld.Audio.Efx;

/// <summary>EFX routing of sources: lives here, on top of OpenAl/, so the base wrappers never depend on the effects layer.</summary>
public static class AlSourceSends
{
    /// <summary>Feeds <paramref name="source"/> into an effect slot through auxiliary send <paramref name="send"/>; null disconnects it.</summary>
    public static void SendTo(this AlSource source, AlEffectSlot? slot, int send = 0)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (slot is not null && slot.Context != source.Context)
            throw new ArgumentException("The effect slot belongs to another context.", nameof(slot));
        source.SetAuxiliarySend(send, slot?.Name ?? AL_EFFECTSLOT_NULL);
    }
}

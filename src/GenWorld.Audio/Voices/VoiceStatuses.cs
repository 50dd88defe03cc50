namespace GenWorld.Audio.Voices;

/// <summary>The scheduler's slots as <see cref="VoiceStatus"/> rows.</summary>
internal static class VoiceStatuses
{
    public static IReadOnlyList<VoiceStatus> Of(VoiceScheduler scheduler)
    {
        var list = new List<VoiceStatus>();
        for (int s = 0; s < scheduler.Slots.Length; s++)
        {
            SchedulerSlot slot = scheduler.Slots[s];
            if (slot.Request is { } r) list.Add(new VoiceStatus(r.Id, s, slot.Fade, slot.FadingOut ? VoicePhase.FadingOut : VoicePhase.Active));
        }
        return list;
    }
}

namespace GenWorld.Audio.Voices;

/// <summary>What the scheduler asks of the thing that makes sound (OpenAL sources, or nothing for the null pool).</summary>
internal interface IVoiceBackend
{
    /// <summary>Slot <paramref name="slot"/> now plays <paramref name="request"/>'s sound (bind its buffer; do not start).</summary>
    void Assign(int slot, VoiceRequest request);

    /// <summary>Per-frame parameters: position, velocity, gain (fade and variation applied), pitch.</summary>
    void Apply(int slot, VoiceRequest request, float gain, float pitch);

    /// <summary>Starts the sound from its beginning.</summary>
    void Trigger(int slot);

    /// <summary>Whether the slot's sound is still sounding (one-shots wait for the previous trigger to end).</summary>
    bool IsPlaying(int slot);

    /// <summary>Stops the slot and lets go of its sound.</summary>
    void Release(int slot);
}

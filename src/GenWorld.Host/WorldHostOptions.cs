using GenWorld.Audio.Voices;

namespace GenWorld.Host;

/// <summary>How a <see cref="WorldHost"/> runs its frames; <see cref="Validate"/> names every bad field.</summary>
public sealed record WorldHostOptions
{
    /// <summary>The voice pool the world's emitters play through (nearest first).</summary>
    public VoicePoolOptions Voices { get; init; } = new() { MaxVoices = 8 };

    /// <summary>Gain applied on top of each emitter's earshot fade, so eight loud voices do not clip the mix.</summary>
    public float MasterGain { get; init; } = 0.5f;

    /// <summary>Draw the HUD (nearest sounds, frames drawn per second, voices, sound latency); false for presentation mode (installations).</summary>
    public bool Hud { get; init; } = true;

    /// <summary>
    /// Offline runs (renders, tests): after each update wait up to <see cref="ContentWait"/> for the generation the frame
    /// asked for, then update again, so a frame-exact movie has the sounds a real-time run would have had.
    /// </summary>
    public bool WaitForContent { get; init; }

    /// <summary>Longest wait per frame when <see cref="WaitForContent"/> is on.</summary>
    public TimeSpan ContentWait { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Throws <see cref="ArgumentException"/> naming each bad field.</summary>
    public void Validate()
    {
        var errors = new List<string>(Voices.Errors());
        if (!(MasterGain is >= 0 and <= 4)) errors.Add($"MasterGain = {MasterGain} (must be 0..4)");
        if (ContentWait < TimeSpan.Zero) errors.Add($"ContentWait = {ContentWait} (must not be negative)");
        if (errors.Count > 0) throw new ArgumentException("WorldHostOptions: " + string.Join("; ", errors));
    }
}

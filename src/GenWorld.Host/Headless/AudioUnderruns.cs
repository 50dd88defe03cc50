namespace GenWorld.Host.Headless;

/// <summary>Times a run's sound ran dry, by cause (both counted since the run began).</summary>
/// <param name="LateMixes">Loopback mixes that came later than a sound card's buffer lasts (<see cref="Audio.Diagnostics.MixDeadline"/>).</param>
/// <param name="VoicesStopped">Looping voices found stopped while they should sound (<see cref="Audio.Voices.IVoicePool.Starved"/>).</param>
public readonly record struct AudioUnderruns(int LateMixes, int VoicesStopped)
{
    /// <summary>Both together.</summary>
    public int Total => LateMixes + VoicesStopped;

    /// <summary>What happened since <paramref name="earlier"/> (the same run).</summary>
    public AudioUnderruns Since(AudioUnderruns earlier) => new(LateMixes - earlier.LateMixes, VoicesStopped - earlier.VoicesStopped);

    /// <summary>Both causes added.</summary>
    public static AudioUnderruns operator +(AudioUnderruns a, AudioUnderruns b) => new(a.LateMixes + b.LateMixes, a.VoicesStopped + b.VoicesStopped);

    /// <inheritdoc />
    public override string ToString() => $"audio underruns {Total} ({LateMixes} late mixes, {VoicesStopped} voices stopped)";
}

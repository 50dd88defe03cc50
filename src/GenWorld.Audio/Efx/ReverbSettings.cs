namespace GenWorld.Audio.Efx;

/// <summary>
/// Reverb parameters shared by the EAX and standard EFX reverbs; defaults are the EFX defaults (a generic room).
/// <see cref="Validate"/> names any field outside the range the EFX spec allows.
/// </summary>
public sealed record ReverbSettings
{
    /// <summary>Modal density, 0..1.</summary>
    public float Density { get; init; } = 1f;

    /// <summary>Echo density, 0..1.</summary>
    public float Diffusion { get; init; } = 1f;

    /// <summary>Master reverb level, 0..1.</summary>
    public float Gain { get; init; } = 0.32f;

    /// <summary>High-frequency attenuation, 0..1.</summary>
    public float GainHF { get; init; } = 0.89f;

    /// <summary>Late reverb decay time in seconds, 0.1..20.</summary>
    public float DecayTime { get; init; } = 1.49f;

    /// <summary>High-frequency to mid-frequency decay ratio, 0.1..2.</summary>
    public float DecayHFRatio { get; init; } = 0.83f;

    /// <summary>Early reflections level, 0..3.16.</summary>
    public float ReflectionsGain { get; init; } = 0.05f;

    /// <summary>Early reflections delay in seconds, 0..0.3.</summary>
    public float ReflectionsDelay { get; init; } = 0.007f;

    /// <summary>Late reverb level, 0..10.</summary>
    public float LateReverbGain { get; init; } = 1.26f;

    /// <summary>Late reverb delay after the reflections in seconds, 0..0.1.</summary>
    public float LateReverbDelay { get; init; } = 0.011f;

    /// <summary>Every field outside its EFX range, as "Field = value (allowed lo..hi)"; empty when valid.</summary>
    public IReadOnlyList<string> Errors()
    {
        var errors = new List<string>();
        Range(errors, nameof(Density), Density, 0, 1);
        Range(errors, nameof(Diffusion), Diffusion, 0, 1);
        Range(errors, nameof(Gain), Gain, 0, 1);
        Range(errors, nameof(GainHF), GainHF, 0, 1);
        Range(errors, nameof(DecayTime), DecayTime, 0.1f, 20);
        Range(errors, nameof(DecayHFRatio), DecayHFRatio, 0.1f, 2);
        Range(errors, nameof(ReflectionsGain), ReflectionsGain, 0, 3.16f);
        Range(errors, nameof(ReflectionsDelay), ReflectionsDelay, 0, 0.3f);
        Range(errors, nameof(LateReverbGain), LateReverbGain, 0, 10);
        Range(errors, nameof(LateReverbDelay), LateReverbDelay, 0, 0.1f);
        return errors;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every bad field.</summary>
    public void Validate()
    {
        IReadOnlyList<string> errors = Errors();
        if (errors.Count > 0) throw new ArgumentException("Invalid reverb settings: " + string.Join("; ", errors));
    }

    private static void Range(List<string> errors, string field, float value, float lo, float hi)
    {
        if (!(value >= lo && value <= hi)) errors.Add($"{field} = {value} (allowed {lo}..{hi})");
    }
}

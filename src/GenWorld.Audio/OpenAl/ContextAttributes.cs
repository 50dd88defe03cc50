namespace GenWorld.Audio.OpenAl;

/// <summary>What a context (or a device reset) asks for. Unset values keep OpenAL Soft's defaults.</summary>
public sealed record ContextAttributes
{
    /// <summary>HRTF request (<c>ALC_HRTF_SOFT</c>); HRTF needs stereo output.</summary>
    public HrtfMode Hrtf { get; init; } = HrtfMode.DontCare;

    /// <summary>A specific HRTF from <see cref="AlDevice.HrtfNames"/>, or null for the default one.</summary>
    public string? HrtfName { get; init; }

    /// <summary>Auxiliary sends per source (EFX; OpenAL Soft defaults to 2).</summary>
    public int? MaxAuxiliarySends { get; init; }
}

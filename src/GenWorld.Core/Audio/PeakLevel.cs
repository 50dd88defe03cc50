namespace GenWorld.Core.Audio;

/// <summary>A clip's peak absolute value and scaling to a chosen peak: the one implementation the importer's
/// normaliser and the full-band models' level convention (<see cref="Synthesis.SynthFile.InputPeak"/>) share.</summary>
public static class PeakLevel
{
    /// <summary>Peak absolute value (0 for silence or an empty clip).</summary>
    public static float Of(ReadOnlySpan<float> samples)
    {
        float peak = 0;
        foreach (float s in samples) peak = Math.Max(peak, Math.Abs(s));
        return peak;
    }

    /// <summary>Scales in place so the peak is <paramref name="peak"/> (linear); silence stays silence.</summary>
    public static void ScaleTo(Span<float> samples, float peak)
    {
        float current = Of(samples);
        if (current <= 0 || !float.IsFinite(current)) return;
        float gain = peak / current;
        for (int i = 0; i < samples.Length; i++) samples[i] *= gain;
    }
}

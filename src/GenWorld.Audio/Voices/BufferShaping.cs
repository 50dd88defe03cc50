namespace GenWorld.Audio.Voices;

/// <summary>
/// Prepares samples for an OpenAL buffer so that neither its start, its end nor its loop point clicks: one-shots get
/// short raised-cosine fades at both ends; loops get their end cross-faded into their start, so the last sample flows
/// into the first.
/// </summary>
public static class BufferShaping
{
    /// <summary>A copy of <paramref name="samples"/> faded in and out over <paramref name="fadeFrames"/> each.</summary>
    public static float[] FadeEnds(ReadOnlySpan<float> samples, int fadeFrames)
    {
        float[] output = samples.ToArray();
        int n = Math.Min(fadeFrames, output.Length / 2);
        for (int i = 0; i < n; i++)
        {
            float w = RaisedCosine((i + 0.5f) / n);
            output[i] *= w;
            output[^(i + 1)] *= w;
        }
        return output;
    }

    /// <summary>
    /// A loop of length <c>samples.Length - crossfadeFrames</c> whose first <paramref name="crossfadeFrames"/> blend from
    /// the original tail into the original head (equal-power), so looping plays tail → head without a jump.
    /// </summary>
    public static float[] LoopCrossfade(ReadOnlySpan<float> samples, int crossfadeFrames)
    {
        int c = Math.Min(crossfadeFrames, samples.Length / 2);
        if (c == 0) return samples.ToArray();
        int length = samples.Length - c;
        float[] output = samples[..length].ToArray();
        for (int i = 0; i < c; i++)
        {
            float t = (i + 0.5f) / c;
            float fadeIn = MathF.Sin(0.5f * MathF.PI * t), fadeOut = MathF.Cos(0.5f * MathF.PI * t);
            output[i] = (samples[i] * fadeIn) + (samples[length + i] * fadeOut);
        }
        return output;
    }

    private static float RaisedCosine(float x) => 0.5f - (0.5f * MathF.Cos(MathF.PI * x));
}

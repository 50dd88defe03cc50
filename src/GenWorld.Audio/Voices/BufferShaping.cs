namespace GenWorld.Audio.Voices;

/// <summary>
/// Prepares samples for an OpenAL buffer so that neither its start, its end nor its loop point clicks: one-shots get
/// short raised-cosine fades at both ends; loops keep their onset and get their end cross-faded into their head, so
/// the last sample flows into the loop's start.
/// </summary>
public static class BufferShaping
{
    /// <summary>
    /// Writes <paramref name="samples"/> into <paramref name="output"/> (as long) faded in and out over
    /// <paramref name="fadeFrames"/> each. The caller owns the output, so a voice pool can shape every new sound in one
    /// reused buffer before OpenAL copies it: no clip-long array per voice start.
    /// </summary>
    public static void FadeEnds(ReadOnlySpan<float> samples, Span<float> output, int fadeFrames)
    {
        RequireSameLength(samples, output);
        samples.CopyTo(output);
        int n = Math.Min(fadeFrames, output.Length / 2);
        for (int i = 0; i < n; i++)
        {
            float w = RaisedCosine((i + 0.5f) / n);
            output[i] *= w;
            output[^(i + 1)] *= w;
        }
    }

    /// <summary>
    /// Writes into <paramref name="output"/> (as long as <paramref name="samples"/>) a loop that starts with the sound's
    /// own onset, and returns its loop start: all of the sound, the first <paramref name="edgeFadeFrames"/> faded in
    /// (raised cosine) and the last <paramref name="crossfadeFrames"/> blended from the tail into the head
    /// (equal-power), so that jumping back to the loop start (= <paramref name="crossfadeFrames"/>) from the end goes
    /// on from the head without a jump. A source plays the onset once and then cycles [loop start, end),
    /// <c>samples.Length - crossfadeFrames</c> frames a turn. Why not put the blend at the start and loop the whole
    /// buffer: then the first sample a voice plays is the tail's, and a voice could only start silently behind a gain
    /// ramp that blunts the attack and delays the first audible frame.
    /// </summary>
    public static int LoopWithOnset(ReadOnlySpan<float> samples, Span<float> output, int crossfadeFrames, int edgeFadeFrames)
    {
        RequireSameLength(samples, output);
        int c = Math.Min(crossfadeFrames, samples.Length / 2);
        samples.CopyTo(output);
        int e = Math.Min(edgeFadeFrames, samples.Length / 2);
        for (int i = 0; i < e; i++) output[i] *= RaisedCosine((i + 0.5f) / e);
        int tail = samples.Length - c;
        for (int i = 0; i < c; i++)
        {
            float t = (i + 0.5f) / c;
            float fadeIn = MathF.Sin(0.5f * MathF.PI * t), fadeOut = MathF.Cos(0.5f * MathF.PI * t);
            output[tail + i] = (samples[tail + i] * fadeOut) + (samples[i] * fadeIn);
        }
        return c;
    }

    private static void RequireSameLength(ReadOnlySpan<float> samples, Span<float> output)
    {
        if (output.Length != samples.Length)
            throw new ArgumentException($"the output holds {output.Length} samples, the sound {samples.Length}: they must be as long.", nameof(output));
    }

    private static float RaisedCosine(float x) => 0.5f - (0.5f * MathF.Cos(MathF.PI * x));
}


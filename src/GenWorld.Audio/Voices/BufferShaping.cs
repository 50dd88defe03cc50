namespace GenWorld.Audio.Voices;

/// <summary>
/// Prepares samples for an OpenAL buffer so that neither its start, its end nor its loop point clicks: one-shots get
/// short raised-cosine fades at both ends; loops keep their onset and get their end cross-faded into their head, so
/// the last sample flows into the loop's start.
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
    /// A loop that starts with the sound's own onset: the buffer holds all of <paramref name="samples"/>, the first
    /// <paramref name="edgeFadeFrames"/> faded in (raised cosine) and the last <paramref name="crossfadeFrames"/> blended
    /// from the tail into the head (equal-power), so that jumping back to <see cref="ShapedLoop.LoopStart"/> (=
    /// <paramref name="crossfadeFrames"/>) from the end goes on from the head without a jump. A source plays the onset
    /// once and then cycles [LoopStart, end), <c>samples.Length - crossfadeFrames</c> frames a turn. Why not put the blend
    /// at the start and loop the whole buffer: then the first sample a voice plays is the tail's, and a voice could only
    /// start silently behind a gain ramp that blunts the attack and delays the first audible frame.
    /// </summary>
    public static ShapedLoop LoopWithOnset(ReadOnlySpan<float> samples, int crossfadeFrames, int edgeFadeFrames)
    {
        int c = Math.Min(crossfadeFrames, samples.Length / 2);
        float[] output = samples.ToArray();
        int e = Math.Min(edgeFadeFrames, samples.Length / 2);
        for (int i = 0; i < e; i++) output[i] *= RaisedCosine((i + 0.5f) / e);
        if (c == 0) return new ShapedLoop(output, 0);
        int tail = samples.Length - c;
        for (int i = 0; i < c; i++)
        {
            float t = (i + 0.5f) / c;
            float fadeIn = MathF.Sin(0.5f * MathF.PI * t), fadeOut = MathF.Cos(0.5f * MathF.PI * t);
            output[tail + i] = (samples[tail + i] * fadeOut) + (samples[i] * fadeIn);
        }
        return new ShapedLoop(output, c);
    }

    private static float RaisedCosine(float x) => 0.5f - (0.5f * MathF.Cos(MathF.PI * x));
}

/// <summary>A looping buffer's samples and the frame its loop returns to (its end is the buffer's end).</summary>
public sealed record ShapedLoop(float[] Samples, int LoopStart);

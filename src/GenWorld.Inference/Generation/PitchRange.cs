namespace GenWorld.Inference.Generation;

/// <summary>The MIDI pitches a model was trained on, inclusive; its conditioning is a one-hot over them.</summary>
/// <param name="Min">Lowest MIDI pitch.</param>
/// <param name="Max">Highest MIDI pitch.</param>
public readonly record struct PitchRange(int Min, int Max)
{
    /// <summary>Pitches in the range (the one-hot's length).</summary>
    public int Count => Max - Min + 1;

    /// <summary>Whether <paramref name="pitch"/> was trained.</summary>
    public bool Contains(int pitch) => pitch >= Min && pitch <= Max;

    /// <summary>The conditioning vector for <paramref name="pitch"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The pitch is outside the trained range.</exception>
    public float[] OneHot(int pitch)
    {
        if (!Contains(pitch))
            throw new ArgumentOutOfRangeException(nameof(pitch), pitch, $"MIDI pitch {pitch} is outside the trained range [{Min}, {Max}].");
        var vector = new float[Count];
        vector[pitch - Min] = 1;
        return vector;
    }

    /// <summary>The pitch a (possibly quantised) one-hot stands for: its largest entry.</summary>
    public int FromOneHot(ReadOnlySpan<float> vector)
    {
        if (vector.Length != Count) throw new ArgumentException($"a pitch one-hot has {Count} values, got {vector.Length}.", nameof(vector));
        int best = 0;
        for (int i = 1; i < vector.Length; i++)
            if (vector[i] > vector[best]) best = i;
        return Min + best;
    }

    /// <inheritdoc/>
    public override string ToString() => $"[{Min}, {Max}]";
}

namespace GenWorld.Core.Sequences;

/// <summary>
/// Draws the next note token from a prior's logits: tokens the grammar forbids after the previous one are removed,
/// the rest are divided by the temperature, cut to the top k, softmaxed and drawn with the caller's seeded
/// <see cref="Random"/>. Training (TorchSharp) and the runtime (ONNX Runtime) share this, so a seed means the same thing in both.
/// </summary>
public sealed class NoteTokenSampler
{
    private readonly (float Logit, int Token)[] _candidates = new (float, int)[NoteVocabulary.Size];

    /// <summary>Creates a sampler; validate-then-do: bad settings fail here, not mid-performance.</summary>
    public NoteTokenSampler(double temperature = 1.0, int topK = 0)
    {
        if (!(temperature > 0) || !double.IsFinite(temperature)) throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "temperature must be > 0.");
        ArgumentOutOfRangeException.ThrowIfNegative(topK);
        Temperature = temperature;
        TopK = topK;
    }

    /// <summary>Logits are divided by this (&lt; 1 sharper, &gt; 1 flatter).</summary>
    public double Temperature { get; }

    /// <summary>Only the k most likely allowed tokens are kept (0: all).</summary>
    public int TopK { get; }

    /// <summary>The next token after <paramref name="previous"/> given its logits over the vocabulary.</summary>
    public int Next(ReadOnlySpan<float> logits, int previous, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (logits.Length != NoteVocabulary.Size) throw new ArgumentException($"expected {NoteVocabulary.Size} logits, got {logits.Length}.", nameof(logits));
        int count = 0;
        for (int token = 0; token < logits.Length; token++)
            if (NoteVocabulary.IsAllowed(previous, token)) _candidates[count++] = (logits[token], token);
        Span<(float Logit, int Token)> kept = _candidates.AsSpan(0, count);
        // Highest first, ties by token id, so the kept set never depends on sort stability.
        kept.Sort((a, b) => a.Logit != b.Logit ? b.Logit.CompareTo(a.Logit) : a.Token.CompareTo(b.Token));
        if (TopK > 0 && TopK < count) kept = kept[..TopK];

        double max = kept[0].Logit / Temperature, total = 0;
        Span<double> weights = stackalloc double[kept.Length];
        for (int i = 0; i < kept.Length; i++) total += weights[i] = Math.Exp(kept[i].Logit / Temperature - max);
        double u = random.NextDouble() * total;
        for (int i = 0; i < kept.Length; i++)
            if ((u -= weights[i]) < 0) return kept[i].Token;
        return kept[^1].Token;
    }
}

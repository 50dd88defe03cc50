namespace GenWorld.World.Anchors;

/// <summary>
/// The encoded dataset a field is built from: one latent per anchor (row-major, <see cref="LatentSize"/> per row),
/// its label and pitch. Read and written by <see cref="AnchorFile"/>.
/// </summary>
public sealed class AnchorSet
{
    private readonly float[] _latents;

    /// <summary>Checks the parts agree, then wraps them (arrays are not copied).</summary>
    public AnchorSet(AnchorHeader header, IReadOnlyList<Anchor> anchors, float[] latents)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(anchors);
        ArgumentNullException.ThrowIfNull(latents);
        IReadOnlyList<string> errors = header.Validate();
        if (errors.Count > 0) throw new InvalidDataException($"anchor header: {string.Join(" ", errors)}");
        if (anchors.Count != header.Count)
            throw new ArgumentException($"header says {header.Count} anchors, got {anchors.Count}.", nameof(anchors));
        if (latents.Length != header.Count * header.LatentSize)
            throw new ArgumentException($"expected {header.Count}×{header.LatentSize} latent values, got {latents.Length}.", nameof(latents));
        for (int i = 0; i < anchors.Count; i++)
        {
            if (anchors[i].Index != i) throw new ArgumentException($"anchors[{i}] has index {anchors[i].Index}.", nameof(anchors));
            if (anchors[i].Label < 0 || anchors[i].Label >= header.LabelNames.Count)
                throw new ArgumentException($"anchors[{i}] ({anchors[i].Id}) has label {anchors[i].Label}; there are {header.LabelNames.Count} names.", nameof(anchors));
        }
        int bad = Array.FindIndex(latents, v => !float.IsFinite(v));
        if (bad >= 0) throw new ArgumentException($"latent of anchor {bad / header.LatentSize} ({anchors[bad / header.LatentSize].Id}) is not finite.", nameof(latents));
        Header = header;
        Anchors = anchors;
        _latents = latents;
    }

    /// <summary>What the set is.</summary>
    public AnchorHeader Header { get; }

    /// <summary>The anchors, in index order.</summary>
    public IReadOnlyList<Anchor> Anchors { get; }

    /// <summary>Number of anchors.</summary>
    public int Count => Anchors.Count;

    /// <summary>Values per latent.</summary>
    public int LatentSize => Header.LatentSize;

    /// <summary>All latents, row-major.</summary>
    public ReadOnlySpan<float> AllLatents => _latents;

    /// <summary>The latent of one anchor.</summary>
    public ReadOnlySpan<float> Latent(int index) => _latents.AsSpan(index * LatentSize, LatentSize);

    /// <summary>A label's name.</summary>
    public string LabelName(int label) => Header.LabelNames[label];
}

namespace GenWorld.Osc.Protocol;

/// <summary>
/// An OSC bundle: a time tag and elements (messages or bundles) whose effects happen together at that time. Senders use
/// it to keep one frame's messages atomic; a nested bundle's tag must not be earlier than its parent's (OSC 1.1).
/// </summary>
public sealed class OscBundle : OscPacket
{
    /// <summary>The first 8 bytes of every bundle: "#bundle" and NUL.</summary>
    internal static ReadOnlySpan<byte> Marker => "#bundle\0"u8;

    private readonly OscPacket[] _elements;

    /// <summary>A bundle of elements to dispatch at <paramref name="timeTag"/>.</summary>
    public OscBundle(OscTimeTag timeTag, params OscPacket[] elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        if (Array.IndexOf(elements, null) >= 0) throw new ArgumentException("A bundle element is null.", nameof(elements));
        TimeTag = timeTag;
        _elements = elements;
    }

    /// <summary>When the elements take effect; <see cref="OscTimeTag.Immediately"/> for now.</summary>
    public OscTimeTag TimeTag { get; }

    /// <summary>The elements in order.</summary>
    public IReadOnlyList<OscPacket> Elements => _elements;

    /// <inheritdoc/>
    public override string ToString() => $"#bundle {TimeTag} ({_elements.Length} elements)";
}

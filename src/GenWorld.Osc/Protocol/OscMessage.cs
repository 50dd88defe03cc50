namespace GenWorld.Osc.Protocol;

/// <summary>
/// An OSC message: an address pattern (e.g. <c>/genworld/camera/pose</c> or <c>/genworld/*/trigger</c>) and typed
/// arguments. Immutable, so a decoded message can cross from the receive thread to the frame thread safely.
/// </summary>
public sealed class OscMessage : OscPacket
{
    private readonly OscArgument[] _arguments;

    /// <summary>A message; the address must start with '/' and hold printable ASCII without spaces.</summary>
    public OscMessage(string address, params OscArgument[] arguments)
    {
        if (!IsValidAddress(address))
            throw new ArgumentException($"OSC address '{address}' must start with '/' and hold printable ASCII without spaces.", nameof(address));
        _arguments = arguments ?? [];
        foreach (OscArgument a in _arguments)
            if (OscTypeTags.FixedSize(a.Tag) == -2) throw new ArgumentException($"Argument tag '{a.Tag}' is not an OSC type (a default OscArgument?).", nameof(arguments));
        Address = address;
    }

    /// <summary>The address pattern.</summary>
    public string Address { get; }

    /// <summary>The arguments in order.</summary>
    public IReadOnlyList<OscArgument> Arguments => _arguments;

    /// <summary>The type tags without the leading comma, e.g. <c>fffff</c>.</summary>
    public string TypeTags => string.Create(_arguments.Length, _arguments, (span, args) =>
    {
        for (int i = 0; i < span.Length; i++) span[i] = args[i].Tag;
    });

    internal ReadOnlySpan<OscArgument> ArgumentSpan => _arguments;

    /// <summary>Address and arguments, e.g. <c>/a ,if i:1 f:2</c>.</summary>
    public override string ToString() => $"{Address} ,{TypeTags} {string.Join(' ', _arguments)}";

    /// <summary>Whether a string can be an OSC address (pattern): '/' first, then printable ASCII 0x21-0x7E.</summary>
    public static bool IsValidAddress(string? address)
    {
        if (string.IsNullOrEmpty(address) || address[0] != '/') return false;
        foreach (char c in address)
            if (c is < '!' or > '~') return false;
        return true;
    }
}

namespace GenWorld.Osc.Protocol;

/// <summary>
/// Bounds on what a decoder accepts, so a hostile or broken peer cannot make the receiver allocate or recurse without end.
/// The defaults are generous for any real controller and far below what a UDP datagram (65,507 bytes) could ask for.
/// </summary>
public sealed record OscDecodeLimits
{
    /// <summary>The defaults.</summary>
    public static OscDecodeLimits Default { get; } = new();

    /// <summary>Longest string (address or argument) in bytes, NUL excluded. File paths and labels fit easily.</summary>
    public int MaxStringBytes { get; init; } = 4096;

    /// <summary>Deepest bundle nesting; 1 means bundles of messages only.</summary>
    public int MaxBundleDepth { get; init; } = 8;
}

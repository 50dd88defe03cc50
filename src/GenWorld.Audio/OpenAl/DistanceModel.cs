namespace GenWorld.Audio.OpenAl;

/// <summary>How gain falls with distance (<c>alDistanceModel</c>); values are the AL enums.</summary>
public enum DistanceModel
{
    /// <summary>No attenuation.</summary>
    None = 0,

    /// <summary>ref / (ref + rolloff * (d - ref)).</summary>
    Inverse = 0xD001,

    /// <summary>Inverse, with d clamped to [reference distance, max distance]. The AL default.</summary>
    InverseClamped = 0xD002,

    /// <summary>1 - rolloff * (d - ref) / (max - ref).</summary>
    Linear = 0xD003,

    /// <summary>Linear with d clamped.</summary>
    LinearClamped = 0xD004,

    /// <summary>(d / ref) ^ -rolloff.</summary>
    Exponent = 0xD005,

    /// <summary>Exponent with d clamped.</summary>
    ExponentClamped = 0xD006,
}

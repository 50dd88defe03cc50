namespace GenWorld.Rendering.Points;

/// <summary>How a <see cref="PointBatch"/> blends its sprites into the frame.</summary>
public enum PointBlending
{
    /// <summary>Straight alpha (SRC_ALPHA, ONE_MINUS_SRC_ALPHA) with depth writes: the bare, opaque-looking dots.</summary>
    Alpha,

    /// <summary>
    /// Premultiplied (ONE, ONE_MINUS_SRC_ALPHA) without depth writes: the shader's colour beyond its alpha is added, so
    /// overlapping halos sum into a glow where points are dense.
    /// </summary>
    PremultipliedGlow,
}

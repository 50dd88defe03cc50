namespace GenWorld.Rendering.Field;

/// <summary>
/// Distinct colours for class labels (families, categories, or clusters found in the data), so anchors of one label
/// read as one cloud. Perceptual: every colour has the same OKLab lightness and chroma and only the hue changes, so no
/// label shouts louder than another (an HSV palette makes yellow and cyan glare and blue sink into the dark fog). Hues
/// step by the golden angle, so labels next in index are far apart on the wheel and any first n are spread evenly.
/// </summary>
public static class LabelPalette
{
    private const float GoldenAngleDegrees = 137.50776f;

    /// <summary>OKLab lightness: bright against the near-black fog, dark enough that chroma fits the sRGB gamut.</summary>
    private const float Lightness = 0.76f;

    /// <summary>OKLCh chroma: saturated but within gamut for most hues (out-of-gamut hues are pulled in, see <see cref="FromOkLch"/>).</summary>
    private const float Chroma = 0.14f;

    /// <summary>The colour for label <paramref name="label"/>; after each lap of 12 the lightness steps down a little.</summary>
    public static Rgba8 Colour(int label)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(label);
        float hue = (25f + (label * GoldenAngleDegrees)) % 360f;
        float lightness = Lightness - (0.08f * ((label / 12) % 3));
        return FromOkLch(lightness, Chroma, hue);
    }

    /// <summary>
    /// OKLCh (Björn Ottosson's OKLab in polar form) to 8-bit sRGB. A colour outside the sRGB gamut keeps its lightness
    /// and hue and loses chroma until it fits, rather than being clipped per channel (which shifts the hue).
    /// </summary>
    public static Rgba8 FromOkLch(float lightness, float chroma, float hueDegrees)
    {
        float h = hueDegrees * MathF.PI / 180f;
        for (float c = chroma; ; c *= 0.9f)
        {
            (float r, float g, float b) = OkLabToLinearSrgb(lightness, c * MathF.Cos(h), c * MathF.Sin(h));
            bool inGamut = r is >= 0 and <= 1 && g is >= 0 and <= 1 && b is >= 0 and <= 1;
            if (inGamut || c < 1e-3f) return new Rgba8(Encode(r), Encode(g), Encode(b));
        }
    }

    /// <summary>sRGB (8-bit) to OKLab (L, a, b): the space the palette is even in, and where tests measure colour distance.</summary>
    public static (float L, float A, float B) ToOkLab(Rgba8 colour)
    {
        float r = Decode(colour.R), g = Decode(colour.G), b = Decode(colour.B);
        float l = MathF.Cbrt((0.4122214708f * r) + (0.5363325363f * g) + (0.0514459929f * b));
        float m = MathF.Cbrt((0.2119034982f * r) + (0.6806995451f * g) + (0.1073969566f * b));
        float s = MathF.Cbrt((0.0883024619f * r) + (0.2817188376f * g) + (0.6299787005f * b));
        return ((0.2104542553f * l) + (0.7936177850f * m) - (0.0040720468f * s),
                (1.9779984951f * l) - (2.4285922050f * m) + (0.4505937099f * s),
                (0.0259040371f * l) + (0.7827717662f * m) - (0.8086757660f * s));
    }

    private static (float R, float G, float B) OkLabToLinearSrgb(float lightness, float a, float b)
    {
        float l = lightness + (0.3963377774f * a) + (0.2158037573f * b);
        float m = lightness - (0.1055613458f * a) - (0.0638541728f * b);
        float s = lightness - (0.0894841775f * a) - (1.2914855480f * b);
        (l, m, s) = (l * l * l, m * m * m, s * s * s);
        return ((4.0767416621f * l) - (3.3077115913f * m) + (0.2309699292f * s),
                (-1.2684380046f * l) + (2.6097574011f * m) - (0.3413193965f * s),
                (-0.0041960863f * l) - (0.7034186147f * m) + (1.7076147010f * s));
    }

    private static byte Encode(float linear)
    {
        float v = Math.Clamp(linear, 0f, 1f);
        float srgb = v <= 0.0031308f ? 12.92f * v : (1.055f * MathF.Pow(v, 1f / 2.4f)) - 0.055f;
        return (byte)MathF.Round(srgb * 255f);
    }

    private static float Decode(byte value)
    {
        float v = value / 255f;
        return v <= 0.04045f ? v / 12.92f : MathF.Pow((v + 0.055f) / 1.055f, 2.4f);
    }
}

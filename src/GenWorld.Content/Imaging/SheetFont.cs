using SkiaSharp;

namespace GenWorld.Content.Imaging;

/// <summary>
/// A typeface for captions on contact sheets. The SkiaSharp "NoDependencies" native build has no fontconfig, so the default
/// typeface draws nothing; DejaVu Sans (Debian <c>fonts-dejavu-core</c>) is loaded from its file instead.
/// </summary>
public static class SheetFont
{
    private static readonly string[] Candidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
    ];

    private static readonly Lazy<SKTypeface> Loaded = new(() =>
        Candidates.Where(File.Exists).Select(SKTypeface.FromFile).FirstOrDefault(t => t is not null) ?? SKTypeface.Default);

    /// <summary>The caption typeface (DejaVu Sans when installed, else SkiaSharp's default, which may draw no glyphs).</summary>
    public static SKTypeface Typeface => Loaded.Value;

    /// <summary>True when a real font file was found, so captions are visible.</summary>
    public static bool HasGlyphs => Loaded.Value != SKTypeface.Default;
}

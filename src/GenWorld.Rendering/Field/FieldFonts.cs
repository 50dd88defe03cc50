using SkiaSharp;

namespace GenWorld.Rendering.Field;

/// <summary>
/// The typefaces the field's text uses (HUD, legend, region labels), loaded from files because the dependency-free
/// Skia build has no fontconfig to find fonts by name. Debian's fonts-dejavu-core comes first (build/system-packages.txt).
/// </summary>
internal static class FieldFonts
{
    /// <summary>Monospace faces for the HUD, whose figures should not jitter sideways as digits change.</summary>
    internal static readonly string[] Mono =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf",
        "/usr/share/fonts/truetype/freefont/FreeMono.ttf",
    ];

    /// <summary>Bold sans faces for region labels and the legend, which must read at a glance over a busy field.</summary>
    internal static readonly string[] SansBold =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
        "/usr/share/fonts/truetype/freefont/FreeSansBold.ttf",
    ];

    /// <summary>The first of <paramref name="candidates"/> that exists and loads; a clear error naming the package otherwise.</summary>
    public static SKTypeface Load(IReadOnlyList<string> candidates)
    {
        string? file = candidates.FirstOrDefault(File.Exists);
        return (file is null ? null : SKTypeface.FromFile(file))
            ?? throw new FileNotFoundException(
                $"No font found (tried {string.Join(", ", candidates)}); install the Debian package fonts-dejavu-core.");
    }
}

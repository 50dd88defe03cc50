namespace GenWorld.Content.Plots;

/// <summary>
/// Where every PNG plot starts (training curves, sweep reports, soak figures): a ScottPlot plot whose labels render
/// headless. ScottPlot draws with SkiaSharp, whose NoDependencies build has no fontconfig, so without a registered font
/// file every label comes out blank; DejaVu Sans is registered once when it is installed.
/// </summary>
public static class PlotCanvas
{
    private const string FontName = "DejaVu Sans";
    private const string FontFile = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    private static readonly Lazy<bool> FontLoaded = new(() =>
    {
        if (!File.Exists(FontFile)) return false;
        ScottPlot.Fonts.AddFontFile(FontName, FontFile);
        return true;
    });

    /// <summary>An empty plot with the headless font set (when present).</summary>
    public static ScottPlot.Plot New()
    {
        var plot = new ScottPlot.Plot();
        if (FontLoaded.Value) plot.Font.Set(FontName);
        return plot;
    }
}

using GenWorld.Content.Plots;
using GenWorld.Core.IO;
using GenWorld.Host.Kiosk;
using ScottPlot;

namespace GenWorld.Cli.Soak;

/// <summary>
/// The soak CSV as one PNG against minutes: memory on the left axis (RSS, the GC's committed memory, the managed heap in
/// use, the sound cache, MB), counts on the right (OpenAL objects, threads, audio underruns so far), warm-up marked; and,
/// for a soak that drew the field, a second panel below with the live GL objects of each kind and the context rebuilds.
/// </summary>
internal static class SoakPlot
{
    private static readonly (string Column, string Label, bool Right)[] Series =
    [
        ("rss_mb", "RSS (MB)", false), ("gc_committed_mb", "GC committed (MB)", false), ("managed_mb", "managed in use (MB)", false),
        ("sound_cache_mb", "sound cache (MB)", false), ("al_objects", "OpenAL objects", true), ("threads", "threads", true),
        ("underruns", "audio underruns (total)", true),
    ];

    /// <summary>Writes <paramref name="pngPath"/> atomically from <paramref name="csv"/>; a vertical line at <paramref name="warmedUpAtSeconds"/>.</summary>
    public static void Save(SoakCsv csv, string pngPath, double warmedUpAtSeconds, string title)
    {
        double[] Column(string name) => name == "underruns" ? csv.Underruns() : csv.Column(name);
        double[] minutes = [.. Column("seconds").Select(s => s / 60)];

        ScottPlot.Plot plot = PlotCanvas.New();
        foreach ((string column, string label, bool right) in Series)
        {
            var line = plot.Add.ScatterLine(minutes, Column(column));
            line.LegendText = label;
            line.LineWidth = 2;
            if (right) line.Axes.YAxis = plot.Axes.Right;
        }
        MarkWarmUp(plot, warmedUpAtSeconds);
        plot.Axes.SetLimitsY(0, Series.Where(s => !s.Right).Max(s => Column(s.Column).Max()) * 1.1, plot.Axes.Left);
        plot.Axes.SetLimitsY(0, Series.Where(s => s.Right).Max(s => Column(s.Column).Max()) * 1.25 + 1, plot.Axes.Right);
        plot.Title(title);
        plot.XLabel("minutes");
        plot.YLabel("MB");
        plot.Axes.Right.Label.Text = "count";
        plot.ShowLegend(ScottPlot.Alignment.LowerRight);
        string[] glKinds = [.. KioskStatus.GlColumns.Where(c => csv.Has(c) && csv.Column(c).Max() > 0)];
        if (glKinds.Length == 0)
        {
            AtomicFile.WriteAllBytes(pngPath, plot.GetImageBytes(1200, 600, ScottPlot.ImageFormat.Png));
            return;
        }
        var panels = new ScottPlot.Multiplot();
        panels.Reset(plot);   // a new multiplot holds one empty plot of its own
        panels.AddPlot(GlPanel(csv, minutes, glKinds, warmedUpAtSeconds));
        using ScottPlot.Image image = panels.Render(1200, 1000);
        AtomicFile.WriteAllBytes(pngPath, image.GetImageBytes(ScottPlot.ImageFormat.Png));
    }

    // Each kind on its own line: a leak shows as one kind climbing, which a total would hide among the others' swings.
    private static ScottPlot.Plot GlPanel(SoakCsv csv, double[] minutes, string[] kinds, double warmedUpAtSeconds)
    {
        ScottPlot.Plot plot = PlotCanvas.New();
        foreach (string kind in kinds)
        {
            var line = plot.Add.ScatterLine(minutes, csv.Column(kind));
            line.LegendText = kind["gl_".Length..];
            line.LineWidth = 2;
        }
        if (csv.Has("gl_material_textures"))
        {
            // The bounded cache's share of the textures: the rest of the texture line must run flat beside it.
            var materials = plot.Add.ScatterLine(minutes, csv.Column("gl_material_textures"));
            materials.LegendText = "of which material cache";
            materials.LinePattern = ScottPlot.LinePattern.Dashed;
        }
        if (csv.Has("gl_rebuilds") && csv.Column("gl_rebuilds").Max() > 0)
        {
            var rebuilds = plot.Add.ScatterLine(minutes, csv.Column("gl_rebuilds"));
            rebuilds.LegendText = "context rebuilds (total)";
            rebuilds.LinePattern = ScottPlot.LinePattern.Dotted;
        }
        MarkWarmUp(plot, warmedUpAtSeconds);
        plot.Axes.SetLimitsY(0, kinds.Max(k => csv.Column(k).Max()) * 1.2 + 1);
        plot.Title("live GL objects of the drawn field frame");
        plot.XLabel("minutes");
        plot.YLabel("count");
        plot.ShowLegend(ScottPlot.Edge.Right);   // beside the panel: the texture line reaches every corner
        return plot;
    }

    private static void MarkWarmUp(ScottPlot.Plot plot, double warmedUpAtSeconds)
    {
        var warm = plot.Add.VerticalLine(warmedUpAtSeconds / 60);
        warm.LegendText = "warmed up";
        warm.LinePattern = ScottPlot.LinePattern.Dashed;
    }
}

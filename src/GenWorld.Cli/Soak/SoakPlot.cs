using GenWorld.Content.Plots;
using GenWorld.Core.IO;
using GenWorld.Host.Kiosk;

namespace GenWorld.Cli.Soak;

/// <summary>
/// The soak CSV as one PNG against minutes: memory on the left axis (RSS, the GC's committed memory, the managed heap in
/// use, the sound cache, MB), counts on the right (OpenAL objects, threads, audio underruns so far), warm-up marked.
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
        var warm = plot.Add.VerticalLine(warmedUpAtSeconds / 60);
        warm.LegendText = "warmed up";
        warm.LinePattern = ScottPlot.LinePattern.Dashed;
        plot.Axes.SetLimitsY(0, Series.Where(s => !s.Right).Max(s => Column(s.Column).Max()) * 1.1, plot.Axes.Left);
        plot.Axes.SetLimitsY(0, Series.Where(s => s.Right).Max(s => Column(s.Column).Max()) * 1.25 + 1, plot.Axes.Right);
        plot.Title(title);
        plot.XLabel("minutes");
        plot.YLabel("MB");
        plot.Axes.Right.Label.Text = "count";
        plot.ShowLegend(ScottPlot.Alignment.LowerRight);
        AtomicFile.WriteAllBytes(pngPath, plot.GetImageBytes(1200, 600, ScottPlot.ImageFormat.Png));
    }
}

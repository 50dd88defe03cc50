using GenWorld.Content.Plots;
using GenWorld.Core.IO;

namespace GenWorld.Training.Runs;

/// <summary>Plots the loss history to a PNG with ScottPlot (headless, SkiaSharp underneath), one line per loss.</summary>
public static class TrainingCurves
{
    /// <summary>
    /// Writes curves.png atomically; does nothing when the history is empty. Losses far larger than "loss" (e.g. KL in
    /// nats) go on the right axis so they do not flatten the others.
    /// </summary>
    public static void Save(IReadOnlyList<HistoryPoint> history, string path, string title)
    {
        if (history.Count == 0) return;
        ScottPlot.Plot plot = NewPlot();
        double[] steps = [.. history.Select(h => (double)h.Step)];
        double mainScale = MaxOf(history, "loss");
        bool right = false;
        foreach (string name in history.SelectMany(h => h.Losses.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            double[] values = [.. history.Select(h => h.Losses.TryGetValue(name, out double v) && double.IsFinite(v) ? v : double.NaN)];
            var line = plot.Add.ScatterLine(steps, values);
            bool large = mainScale > 0 && MaxOf(history, name) > 10 * mainScale;
            line.LegendText = large ? name + " (right axis)" : name;
            if (large) { line.Axes.YAxis = plot.Axes.Right; right = true; }
        }
        plot.Title(title);
        plot.XLabel("step");
        plot.YLabel("loss");
        if (right) plot.Axes.Right.Label.Text = "large-scale terms";
        plot.ShowLegend();
        AtomicFile.WriteAllBytes(path, plot.GetImageBytes(900, 500, ScottPlot.ImageFormat.Png));
    }

    /// <summary>An empty plot whose labels render headless (see <see cref="PlotCanvas"/>); other run plots start here.</summary>
    public static ScottPlot.Plot NewPlot() => PlotCanvas.New();

    private static double MaxOf(IReadOnlyList<HistoryPoint> history, string name) =>
        history.Select(h => h.Losses.TryGetValue(name, out double v) && double.IsFinite(v) ? Math.Abs(v) : 0).DefaultIfEmpty(0).Max();
}

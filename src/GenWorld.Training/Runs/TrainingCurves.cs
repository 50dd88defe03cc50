using GenWorld.Core.IO;

namespace GenWorld.Training.Runs;

/// <summary>Plots the loss history to a PNG with ScottPlot (headless, SkiaSharp underneath), one line per loss.</summary>
public static class TrainingCurves
{
    /// <summary>Writes curves.png atomically; does nothing when the history is empty.</summary>
    public static void Save(IReadOnlyList<HistoryPoint> history, string path, string title)
    {
        if (history.Count == 0) return;
        var plot = new ScottPlot.Plot();
        double[] steps = [.. history.Select(h => (double)h.Step)];
        foreach (string name in history.SelectMany(h => h.Losses.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            double[] values = [.. history.Select(h => h.Losses.TryGetValue(name, out double v) && double.IsFinite(v) ? v : double.NaN)];
            var line = plot.Add.ScatterLine(steps, values);
            line.LegendText = name;
        }
        plot.Title(title);
        plot.XLabel("step");
        plot.YLabel("loss");
        plot.ShowLegend();
        byte[] png = plot.GetImageBytes(900, 500, ScottPlot.ImageFormat.Png);
        AtomicFile.WriteAllBytes(path, png);
    }
}

using System.Globalization;
using System.Text.Json;
using GenWorld.Core.IO;
using GenWorld.Training.Runs;

namespace GenWorld.Service.Sweeps;

/// <summary>
/// Ranks a finished sweep's runs by their held-out figure (from each run's report.json) and writes the sweep report:
/// sweep.json (one row per run: swept values, state, steps, figure, rank, published version) and sweep.png (the figure
/// per run, the best in orange) in the job's run folder, where the previews endpoint serves the PNG.
/// </summary>
internal static class SweepReport
{
    public const string JsonFile = "sweep.json", PlotFile = "sweep.png";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>One row per run; finished runs with the figure are ranked (1 = best), the rest are not.</summary>
    public static List<(SweepRunResult Row, TrainingReport? Report)> Rank(SweepPlan plan, IReadOnlyList<(bool Succeeded, string? Error, string RunDir)> runs)
    {
        var rows = new List<(SweepRunResult Row, TrainingReport? Report)>();
        for (int i = 0; i < runs.Count; i++)
        {
            (bool ok, string? error, string runDir) = runs[i];
            IReadOnlyDictionary<string, double> swept = plan.Swept.ToDictionary(n => n, n => plan.Runs[i][n], StringComparer.Ordinal);
            TrainingReport? report = ok ? Executors.RunReports.Load(runDir) : null;
            double? figure = report is not null && report.Metrics.TryGetValue(plan.RankBy, out double f) && double.IsFinite(f) ? f : null;
            rows.Add((new SweepRunResult(i, swept, ok ? "succeeded" : "failed", report?.Steps ?? 0, figure, null, null, error), report));
        }
        var ranked = rows.Where(r => r.Row.Figure is not null)
            .OrderBy(r => plan.Minimize ? r.Row.Figure!.Value : -r.Row.Figure!.Value).ThenBy(r => r.Row.Index).ToList();
        for (int k = 0; k < ranked.Count; k++)
        {
            int at = rows.FindIndex(r => r.Row.Index == ranked[k].Row.Index);
            rows[at] = (rows[at].Row with { Rank = k + 1 }, rows[at].Report);
        }
        return rows;
    }

    /// <summary>Writes sweep.json and sweep.png into <paramref name="runDir"/>.</summary>
    public static void Write(string runDir, SweepPlan plan, IReadOnlyList<SweepRunResult> rows)
    {
        var document = new { rankBy = plan.RankBy, goal = plan.Minimize ? "min" : "max", swept = plan.Swept, runs = rows };
        AtomicFile.WriteAllText(Path.Combine(runDir, JsonFile), JsonSerializer.Serialize(document, Json));
        SweepRunResult[] plotted = [.. rows.Where(r => r.Figure is not null)];
        if (plotted.Length == 0) return;
        ScottPlot.Plot plot = TrainingCurves.NewPlot();
        var bars = plot.Add.Bars([.. plotted.Select(r => r.Figure!.Value)]);
        for (int i = 0; i < plotted.Length; i++)
            bars.Bars[i].FillColor = plotted[i].Rank == 1 ? ScottPlot.Colors.Orange : ScottPlot.Colors.SteelBlue;
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, plotted.Length).Select(i => (double)i)], [.. plotted.Select(Label)]);
        plot.Title($"Sweep: {plan.RankBy} per run (best in orange)");
        plot.YLabel($"{plan.RankBy} ({(plan.Minimize ? "lower" : "higher")} is better)");
        AtomicFile.WriteAllBytes(Path.Combine(runDir, PlotFile), plot.GetImageBytes(Math.Max(800, 140 * plotted.Length), 500, ScottPlot.ImageFormat.Png));
    }

    private static string Label(SweepRunResult r) =>
        $"run {r.Index}\n" + string.Join("\n", r.Hyperparameters.Select(kv => $"{kv.Key}={kv.Value.ToString("G3", CultureInfo.InvariantCulture)}"));
}

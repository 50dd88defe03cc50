using System.Globalization;
using System.Text;

namespace GenWorld.Content.Datasets;

/// <summary><c>DATASET.md</c>: the human-readable card of a dataset (sources, licences, counts, how it was made).</summary>
public static class DatasetCard
{
    /// <summary>File name inside a dataset folder.</summary>
    public const string FileName = "DATASET.md";

    /// <summary>Renders the card as Markdown.</summary>
    public static string Render(DatasetInfo info, IReadOnlyList<DatasetItem> items, string howMade, string command)
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(ci, $"# GenWorld dataset: {info.Kind}");
        sb.AppendLine();
        sb.AppendLine(ci, $"Version `{info.Version}` (first 16 hex digits of the SHA-256 of `manifest.jsonl`), " +
                          $"{info.ItemCount} items, built {info.CreatedUtc:yyyy-MM-dd HH:mm} UTC in {info.Report.BuildSeconds:0.#} s.");
        sb.AppendLine();
        sb.AppendLine("## Sources and licences");
        sb.AppendLine();
        sb.AppendLine("| Source (Debian package or imported folder) | Version | Items | Licence | Copyright file |");
        sb.AppendLine("|---|---|---:|---|---|");
        foreach (var s in info.Sources)
            sb.AppendLine(ci, $"| {s.Package} | {s.Version} | {s.Items} | {s.Licence} | [licences/{s.Package}.copyright](licences/{s.Package}.copyright) |");
        sb.AppendLine();
        sb.AppendLine("Each package's Debian copyright file (an imported folder: the licence and attribution given at import) is copied into `licences/`; it names the authors and the exact terms. " +
                      "Each item's licence and its source path inside the package are in `manifest.jsonl`. " +
                      "When you redistribute items, keep this card and the `licences/` folder with them.");
        sb.AppendLine();
        sb.AppendLine(ci, $"## Counts per {info.PrimaryLabel}");
        sb.AppendLine();
        AppendCounts(sb, info.Counts);
        foreach (var key in items.SelectMany(i => i.Labels.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            if (key == info.PrimaryLabel) continue;
            var values = items.Where(i => i.Labels.ContainsKey(key)).GroupBy(i => i.Labels[key]).ToDictionary(g => g.Key, g => g.Count());
            if (values.Count > 24)
            {
                sb.AppendLine(ci, $"`{key}`: {values.Count} distinct values.");
                sb.AppendLine();
                continue;
            }
            sb.AppendLine(ci, $"### Counts per {key}");
            sb.AppendLine();
            AppendCounts(sb, new SortedDictionary<string, int>(values, StringComparer.Ordinal));
        }
        AppendBandwidth(sb, items);
        sb.AppendLine("## How it was made");
        sb.AppendLine();
        sb.AppendLine(howMade);
        sb.AppendLine();
        sb.AppendLine("Parameters: " + string.Join(", ", info.Parameters.Select(p => $"{p.Key}={p.Value}")));
        sb.AppendLine();
        sb.AppendLine("Command:");
        sb.AppendLine();
        sb.AppendLine("```");
        sb.AppendLine(command.Length > 0 ? command : "(built through the API)");
        sb.AppendLine("```");
        sb.AppendLine();
        sb.AppendLine("## Build report");
        sb.AppendLine();
        sb.AppendLine(ci, $"Written: {info.Report.Written}.");
        if (info.Report.Skipped.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("Skipped inputs by reason:");
            sb.AppendLine();
            foreach (var (reason, n) in info.Report.Skipped) sb.AppendLine(ci, $"- {reason}: {n}");
        }
        foreach (var m in info.Report.Messages) sb.AppendLine(ci, $"- {m}");
        return sb.ToString();
    }

    /// <summary>Per source package: source rates and the median 95 % rolloff of its clips (labels sourceRate, rolloffHz).</summary>
    private static void AppendBandwidth(StringBuilder sb, IReadOnlyList<DatasetItem> items)
    {
        var measured = items.Where(i => i.Labels.ContainsKey(BandwidthLabels.Rolloff)).ToList();
        if (measured.Count == 0) return;
        var ci = CultureInfo.InvariantCulture;
        sb.AppendLine("## Bandwidth per source");
        sb.AppendLine();
        sb.AppendLine("Real bandwidth is measured on every clip as the frequency under which 95 % of its energy lies (spectral " +
                      $"rolloff). A clip from a source below {BandwidthLabels.FullBandSourceRate} Hz cannot reach 20 kHz whatever its file's rate: " +
                      $"it is labelled `{BandwidthLabels.Band}={BandwidthLabels.Limited}`, and the full-band models leave such clips out, unless " +
                      "its source keeps them (see How it was made).");
        sb.AppendLine();
        sb.AppendLine(ci, $"| Package | Items | Source rates (Hz) | Median 95 % rolloff (Hz) | Items from sources below {BandwidthLabels.FullBandSourceRate} Hz | Left out (band-limited) |");
        sb.AppendLine("|---|---:|---|---:|---:|---:|");
        foreach (var g in measured.GroupBy(i => i.SourcePackage).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var rolloffs = g.Select(i => double.Parse(i.Labels[BandwidthLabels.Rolloff], ci)).Order().ToList();
            var distinct = g.Select(i => i.Labels.GetValueOrDefault(BandwidthLabels.SourceRate, "?")).Distinct().Order(StringComparer.Ordinal).ToList();
            // Notes carry a rate per transposition (hundreds of values): a range reads better than the list.
            var numeric = distinct.Select(r => double.TryParse(r, NumberStyles.Float, ci, out double v) ? v : double.NaN).Where(double.IsFinite).ToList();
            var rates = distinct.Count <= 8 || numeric.Count == 0 ? string.Join(", ", distinct) : $"{numeric.Min():0}–{numeric.Max():0} ({distinct.Count} distinct)";
            int limited = g.Count(i => i.Labels.GetValueOrDefault(BandwidthLabels.Band) == BandwidthLabels.Limited);
            int below = g.Count(i => double.TryParse(i.Labels.GetValueOrDefault(BandwidthLabels.SourceRate), NumberStyles.Float, ci, out double r) && r < BandwidthLabels.FullBandSourceRate);
            sb.AppendLine(ci, $"| {g.Key} | {g.Count()} | {rates} | {rolloffs[rolloffs.Count / 2]:0} | {below} | {limited} |");
        }
        sb.AppendLine();
    }

    private static void AppendCounts(StringBuilder sb, SortedDictionary<string, int> counts)
    {
        sb.AppendLine("| Value | Items |");
        sb.AppendLine("|---|---:|");
        foreach (var (k, v) in counts) sb.AppendLine(CultureInfo.InvariantCulture, $"| {k} | {v} |");
        sb.AppendLine();
    }
}

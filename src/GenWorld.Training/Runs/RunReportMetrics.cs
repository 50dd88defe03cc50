using System.Text.Json;

namespace GenWorld.Training.Runs;

/// <summary>
/// The numeric metrics of a run's report.json, for the manifest of a model exported from one of its checkpoints
/// (checkpoints live in RUN/checkpoints/step-N, the report in RUN). Non-finite values are left out: JSON readers choke on them.
/// </summary>
public static class RunReportMetrics
{
    /// <summary>Metrics by name, always with "steps" = the checkpoint's step.</summary>
    public static Dictionary<string, double> Read(string checkpointDir, long step)
    {
        var metrics = new Dictionary<string, double> { ["steps"] = step };
        string report = Path.Combine(checkpointDir, "..", "..", "report.json");
        if (!File.Exists(report)) return metrics;
        using var doc = JsonDocument.Parse(File.ReadAllText(report));
        if (doc.RootElement.TryGetProperty("metrics", out JsonElement m))
        {
            foreach (JsonProperty p in m.EnumerateObject())
                if (p.Value.ValueKind == JsonValueKind.Number && double.IsFinite(p.Value.GetDouble())) metrics[p.Name] = p.Value.GetDouble();
        }
        return metrics;
    }
}

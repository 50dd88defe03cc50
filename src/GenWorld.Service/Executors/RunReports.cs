using System.Text.Json;
using System.Text.Json.Serialization;
using GenWorld.Training.Runs;

namespace GenWorld.Service.Executors;

/// <summary>Reads a run's report.json back (written by the trainer on a node) so the service can publish and rank it.</summary>
internal static class RunReports
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The report, or null when the run has none (or it cannot be read).</summary>
    public static TrainingReport? Load(string runDir)
    {
        string path = Path.Combine(runDir, "report.json");
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<TrainingReport>(File.ReadAllText(path), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

using System.Text.Json;
using GenWorld.Core.IO;

namespace GenWorld.Service.Executors;

/// <summary>
/// &lt;run&gt;/outcome.json, written by the trainer on a node as its last act: finished (report.json is complete) or
/// failed with a message. A run that ended without one was killed (scancel, node lost, time limit) and resumes.
/// </summary>
/// <param name="Succeeded">The run reached its budget and wrote report.json.</param>
/// <param name="Error">Why it failed (a bad dataset, divergence): retrying will not help.</param>
public sealed record RunOutcome(bool Succeeded, string? Error)
{
    /// <summary>The file name inside the run folder.</summary>
    public const string FileName = "outcome.json";

    /// <summary>Writes the outcome atomically.</summary>
    public void Save(string runDir) => AtomicFile.WriteAllText(Path.Combine(runDir, FileName), JsonSerializer.Serialize(this, RunSpec.Json));

    /// <summary>The run's outcome, or null when it has none (still running, or killed).</summary>
    public static RunOutcome? Load(string runDir)
    {
        string path = Path.Combine(runDir, FileName);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<RunOutcome>(File.ReadAllText(path), RunSpec.Json);
        }
        catch (JsonException e)
        {
            return new RunOutcome(false, $"{path} is damaged ({e.Message}).");
        }
    }
}

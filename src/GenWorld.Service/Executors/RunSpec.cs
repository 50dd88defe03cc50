using System.Text.Json;
using System.Text.Json.Serialization;
using GenWorld.Core.IO;

namespace GenWorld.Service.Executors;

/// <summary>
/// One training run as the service hands it to a cluster node (specs/&lt;k&gt;.json in the job's shared folder), read by
/// <c>genworld-tools train spec</c>. Every path is absolute and on the shared filesystem; the values were checked by the
/// service when the job was accepted.
/// </summary>
public sealed record RunSpec
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Model kind (a <see cref="Recipes.TrainRecipes"/> kind).</summary>
    public string Kind { get; init; } = "";

    /// <summary>The job's copy of the dataset.</summary>
    public string DatasetDir { get; init; } = "";

    /// <summary>Every hyper-parameter, defaults filled in.</summary>
    public Dictionary<string, double> Hyperparameters { get; init; } = [];

    /// <summary>Step budget.</summary>
    public long? Steps { get; init; }

    /// <summary>Minute budget (all sessions together).</summary>
    public double? Minutes { get; init; }

    /// <summary>Seed.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>libtorch threads (the CPUs the job asked Slurm for).</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Seconds between checkpoints.</summary>
    public double CheckpointSeconds { get; init; } = 60;

    /// <summary>Also checkpoint every this many steps.</summary>
    public long? CheckpointEverySteps { get; init; }

    /// <summary>Seconds between previews.</summary>
    public double PreviewSeconds { get; init; } = 60;

    /// <summary>Run folder: checkpoints, previews, curves.png, report.json, progress.jsonl, outcome.json.</summary>
    public string RunDir { get; init; } = "";

    /// <summary>Checkpoint to fine-tune from on a fresh start, or null.</summary>
    public string? BaseCheckpoint { get; init; }

    /// <summary>Reads a spec file.</summary>
    /// <exception cref="InvalidDataException">The file is not a spec.</exception>
    public static RunSpec Load(string path)
    {
        try
        {
            RunSpec spec = JsonSerializer.Deserialize<RunSpec>(File.ReadAllText(path), Json) ?? throw new JsonException("null");
            if (spec.Kind.Length == 0 || !Path.IsPathFullyQualified(spec.RunDir) || !Path.IsPathFullyQualified(spec.DatasetDir))
                throw new JsonException("kind, runDir and datasetDir (absolute) are required");
            return spec;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a GenWorld run spec ({e.Message}).", e);
        }
    }

    /// <summary>Writes the spec atomically.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, Json));
}

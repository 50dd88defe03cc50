using System.Text.Json;

namespace GenWorld.Service.Jobs;

/// <summary>The body of POST /jobs. Unknown fields are refused, so a typo cannot silently fall back to a default.</summary>
public sealed record JobRequest
{
    /// <summary>Model kind: "sound-vae" or "texture-gan".</summary>
    public string? Kind { get; init; }

    /// <summary>Dataset folder relative to the data root (e.g. "fixtures/notes").</summary>
    public string? Dataset { get; init; }

    /// <summary>Model name to publish under (default: the kind).</summary>
    public string? Name { get; init; }

    /// <summary>Hyper-parameters by name; missing ones take their defaults.</summary>
    public Dictionary<string, JsonElement>? Hyperparameters { get; init; }

    /// <summary>Step budget.</summary>
    public long? Steps { get; init; }

    /// <summary>Minute budget.</summary>
    public double? Minutes { get; init; }

    /// <summary>Seed (default 1).</summary>
    public int? Seed { get; init; }

    /// <summary>Also checkpoint every this many steps.</summary>
    public long? CheckpointEverySteps { get; init; }

    /// <summary>Published model to fine-tune from: "name" (its latest) or "name/version"; it must have been trained by this service.</summary>
    public string? BaseModel { get; init; }

    /// <summary>A grid or random search over the hyper-parameters (needs <c>serve --executor slurm</c>).</summary>
    public Sweeps.SweepRequest? Sweep { get; init; }
}

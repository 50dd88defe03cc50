namespace GenWorld.Service.Publishing;

/// <summary>training.json inside a published version: which job and checkpoint it came from (fine-tuning starts from that checkpoint).</summary>
/// <param name="JobId">The service job that trained it.</param>
/// <param name="Kind">Model kind.</param>
/// <param name="Step">Checkpoint step exported.</param>
/// <param name="Checkpoint">Full path of the checkpoint folder.</param>
/// <param name="PublishedUtc">When it was published.</param>
public sealed record TrainingSource(string JobId, string Kind, long Step, string Checkpoint, DateTimeOffset PublishedUtc)
{
    /// <summary>File name inside the version folder.</summary>
    public const string FileName = "training.json";
}

/// <summary>A published version as GET /models lists it.</summary>
/// <param name="Name">Model name.</param>
/// <param name="Version">Version number; null for a flat (shipped) folder.</param>
/// <param name="Path">Folder.</param>
/// <param name="Kind">Model kind from the manifest.</param>
/// <param name="Metrics">Manifest metrics.</param>
/// <param name="Source">Where it came from, when the service trained it.</param>
public sealed record PublishedVersion(string Name, int? Version, string Path, string Kind, IReadOnlyDictionary<string, double> Metrics, TrainingSource? Source);

/// <summary>A model under the models root: its versions and which one is latest.</summary>
/// <param name="Name">Model name.</param>
/// <param name="Latest">Latest version (null for a flat folder).</param>
/// <param name="Versions">Published versions, oldest first (one entry for a flat folder).</param>
public sealed record PublishedModel(string Name, int? Latest, IReadOnlyList<PublishedVersion> Versions);

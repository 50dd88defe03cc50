namespace GenWorld.World.Anchors;

/// <summary>anchors.json: what anchors.bin holds and how it was made.</summary>
/// <param name="Version">Format version (1).</param>
/// <param name="Model">Model folder name the latents belong to.</param>
/// <param name="ModelVersion">Model version from its manifest; anchors from another version are stale.</param>
/// <param name="DatasetVersion">Version of the dataset that was encoded.</param>
/// <param name="Count">Number of anchors.</param>
/// <param name="LatentSize">Values per latent (the encoder's mean).</param>
/// <param name="LabelKey">Dataset label the labels come from (e.g. family, category).</param>
/// <param name="LabelNames">Label names, in label-index order.</param>
/// <param name="Pitched">Whether anchors carry a MIDI pitch.</param>
/// <param name="Precision">"float16" or "float32" latents.</param>
/// <param name="Metrics">Figures measured when the file was made (e.g. trustworthiness at k=10).</param>
/// <param name="ModelHash">
/// <see cref="GenWorld.Core.Models.ModelFileHash.OfModel"/> of the model that encoded them: a re-exported model with the same name and
/// version has other latents, so anchors are refused when it differs (null in files made before it was recorded).
/// </param>
public sealed record AnchorHeader(
    int Version, string Model, int ModelVersion, string DatasetVersion, int Count, int LatentSize,
    string LabelKey, IReadOnlyList<string> LabelNames, bool Pitched, string Precision,
    IReadOnlyDictionary<string, double> Metrics, string? ModelHash = null)
{
    /// <summary>Problems with the header, each naming its field; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Version != 1) errors.Add($"version: {Version} is not a version this runtime reads (1).");
        if (Count is < 1 or > 10_000_000) errors.Add($"count: {Count} must be 1..10000000.");
        if (LatentSize is < 1 or > 4096) errors.Add($"latentSize: {LatentSize} must be 1..4096.");
        if (Model is null) errors.Add("model: required.");
        if (DatasetVersion is null) errors.Add("datasetVersion: required.");
        if (LabelKey is null) errors.Add("labelKey: required.");
        if (LabelNames is null || LabelNames.Any(n => n is null)) errors.Add("labelNames: required, a list of names.");
        else if (LabelNames.Count is < 1 or > ushort.MaxValue) errors.Add($"labelNames: {LabelNames.Count} names; need 1..65535.");
        if (Precision is not ("float16" or "float32")) errors.Add($"precision: '{Precision}' must be float16 or float32.");
        return errors;
    }
}

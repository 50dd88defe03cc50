namespace GenWorld.Core.Models;

/// <summary>
/// One ONNX file of a model (e.g. "decoder" in decoder.onnx) with its inputs and outputs, and the SHA-256 of the file
/// recorded at export (null in manifests written before hashes were recorded; those still load).
/// </summary>
public sealed record ModelOnnxPart(string Name, string File, IReadOnlyList<ModelTensorInfo> Inputs, IReadOnlyList<ModelTensorInfo> Outputs, string? Sha256 = null)
{
    internal void Validate(string field, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(Name)) errors.Add($"{field}.name: must not be empty.");
        if (string.IsNullOrWhiteSpace(File) || !File.EndsWith(".onnx", StringComparison.Ordinal) || File.IndexOfAny(['/', '\\']) >= 0 || File.StartsWith('.'))
            errors.Add($"{field}.file: '{File}' must be a plain file name ending in .onnx beside manifest.json.");
        if (Sha256 is not null && (Sha256.Length != 64 || !Sha256.All(Uri.IsHexDigit)))
            errors.Add($"{field}.sha256: must be 64 hex digits, got '{(Sha256.Length > 70 ? Sha256[..70] + "…" : Sha256)}'.");
        ValidateTensors($"{field}.inputs", Inputs, errors);
        ValidateTensors($"{field}.outputs", Outputs, errors);
    }

    private static void ValidateTensors(string field, IReadOnlyList<ModelTensorInfo>? tensors, List<string> errors)
    {
        if (tensors is null || tensors.Count == 0)
        {
            errors.Add($"{field}: at least one is required.");
            return;
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < tensors.Count; i++)
        {
            if (tensors[i] is null) { errors.Add($"{field}[{i}]: is null."); continue; }
            tensors[i].Validate($"{field}[{i}]", errors);
            if (!string.IsNullOrWhiteSpace(tensors[i].Name) && !names.Add(tensors[i].Name))
                errors.Add($"{field}[{i}].name: '{tensors[i].Name}' is used twice.");
        }
    }
}

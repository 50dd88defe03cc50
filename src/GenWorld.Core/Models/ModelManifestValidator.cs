namespace GenWorld.Core.Models;

/// <summary>Field-by-field checks for <see cref="ModelManifest"/>; every message starts with the field's JSON path.</summary>
internal static class ModelManifestValidator
{
    public static IReadOnlyList<string> Validate(ModelManifest m)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(m.Name) || m.Name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || m.Name.StartsWith('.'))
            errors.Add($"name: '{m.Name}' must be a usable folder name.");
        if (!Enum.IsDefined(m.Kind)) errors.Add($"kind: {(int)m.Kind} is not a known model kind.");
        if (m.Version < 1) errors.Add($"version: must be >= 1, got {m.Version}.");
        if (m.LatentSize < 1) errors.Add($"latentSize: must be >= 1, got {m.LatentSize}.");
        m.Conditioning?.Validate(errors);
        ValidateAudio(m, errors);
        ValidateParts(m.Parts, errors);
        if (string.IsNullOrWhiteSpace(m.DatasetVersion)) errors.Add("datasetVersion: must not be empty.");
        if (string.IsNullOrWhiteSpace(m.DataLicense)) errors.Add("dataLicense: must not be empty (the licence of the training data).");
        foreach ((string key, double value) in m.Metrics ?? new Dictionary<string, double>())
        {
            if (string.IsNullOrWhiteSpace(key)) errors.Add("metrics: a metric name is empty.");
            else if (!double.IsFinite(value)) errors.Add($"metrics.{key}: must be finite, got {value}.");
        }
        return errors;
    }

    private static void ValidateAudio(ModelManifest m, List<string> errors)
    {
        bool sound = m.Kind is ModelKind.SoundVae or ModelKind.SoundGan;
        if (sound && m.SampleRate is null) errors.Add("sampleRate: required for sound models.");
        if (m.SampleRate is { } rate && (rate < 8000 || rate > 192000)) errors.Add($"sampleRate: {rate} Hz is outside 8000..192000.");
        if (sound && string.IsNullOrWhiteSpace(m.AudioRepresentation)) errors.Add("audioRepresentation: required for sound models.");
    }

    private static void ValidateParts(IReadOnlyList<ModelOnnxPart>? parts, List<string> errors)
    {
        if (parts is null || parts.Count == 0)
        {
            errors.Add("parts: at least one ONNX part is required.");
            return;
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        var files = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < parts.Count; i++)
        {
            ModelOnnxPart? part = parts[i];
            if (part is null) { errors.Add($"parts[{i}]: is null."); continue; }
            part.Validate($"parts[{i}]", errors);
            if (!string.IsNullOrWhiteSpace(part.Name) && !names.Add(part.Name)) errors.Add($"parts[{i}].name: '{part.Name}' is used twice.");
            if (!string.IsNullOrWhiteSpace(part.File) && !files.Add(part.File)) errors.Add($"parts[{i}].file: '{part.File}' is used twice.");
        }
    }
}

namespace GenWorld.Core.Models;

/// <summary>
/// Field-by-field checks for <see cref="ModelManifest"/>; every message starts with the field's JSON path. Sizes are
/// checked against sane ranges too: a copied or edited manifest must not make the runtime allocate without bound.
/// </summary>
internal static class ModelManifestValidator
{
    /// <summary>Largest latent vector any of our models (or a plausible one) uses.</summary>
    public const int MaxLatentSize = 4096;

    public static IReadOnlyList<string> Validate(ModelManifest m)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(m.Name) || m.Name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || m.Name.StartsWith('.'))
            errors.Add($"name: '{m.Name}' must be a usable folder name.");
        if (!Enum.IsDefined(m.Kind)) errors.Add($"kind: {(int)m.Kind} is not a known model kind.");
        if (m.Version is < 1 or > 1_000_000) errors.Add($"version: must be between 1 and 1000000, got {m.Version}.");
        if (m.LatentSize is < 1 or > MaxLatentSize) errors.Add($"latentSize: must be between 1 and {MaxLatentSize}, got {m.LatentSize}.");
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
        // logmag-if-FFT-HOP: the runtime allocates FFT-sized buffers, so both numbers are bounded here.
        string[] bits = (m.AudioRepresentation ?? "").Split('-');
        if (bits is ["logmag", "if", _, _]
            && (!int.TryParse(bits[2], System.Globalization.CultureInfo.InvariantCulture, out int fft) || fft is < 16 or > 65536
                || !int.TryParse(bits[3], System.Globalization.CultureInfo.InvariantCulture, out int hop) || hop < 1 || hop > fft))
            errors.Add($"audioRepresentation: '{m.AudioRepresentation}' needs an FFT size in 16..65536 and a hop in 1..FFT.");
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

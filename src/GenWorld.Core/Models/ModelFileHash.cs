using System.Security.Cryptography;

namespace GenWorld.Core.Models;

/// <summary>
/// The SHA-256 recorded for each ONNX part in manifest.json, and the check at load: ONNX Runtime happily loads a graph
/// whose weights have flipped bytes and then plays silence, so the bytes are compared with what the export wrote.
/// </summary>
public static class ModelFileHash
{
    /// <summary>Hex SHA-256 of a file.</summary>
    public static string Of(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream));
    }

    /// <summary>
    /// One hash for a whole model folder: its ONNX parts by file name and content. Files derived from a model (anchors)
    /// record it, so they are refused once the model is re-exported, even under the same name and version.
    /// </summary>
    public static string OfModel(string folder)
    {
        ModelManifest manifest = ModelManifest.Load(Path.Combine(folder, ModelManifest.FileName));
        string parts = string.Join("\n", manifest.Parts.OrderBy(p => p.File, StringComparer.Ordinal).Select(p => $"{p.File} {Of(Path.Combine(folder, p.File))}"));
        return Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(parts)));
    }

    /// <summary>
    /// Null when <paramref name="onnxPath"/> matches the hash its folder's manifest.json records for it (or records none:
    /// older manifests, or a file no manifest names); otherwise the problem, naming the file.
    /// </summary>
    public static string? Problem(string onnxPath)
    {
        string full = Path.GetFullPath(onnxPath);
        string manifestPath = Path.Combine(Path.GetDirectoryName(full)!, ModelManifest.FileName);
        if (!File.Exists(manifestPath)) return null;
        ModelManifest manifest;
        try { manifest = ModelManifest.Load(manifestPath); }
        catch (InvalidDataException) { return null; } // the folder's own loader reports a broken manifest
        string? expected = manifest.Parts?.FirstOrDefault(p => p?.File == Path.GetFileName(full))?.Sha256;
        if (expected is null) return null;
        return string.Equals(Of(full), expected, StringComparison.OrdinalIgnoreCase)
            ? null
            : "the file is damaged: its SHA-256 does not match the one manifest.json recorded at export (re-export or re-copy the model).";
    }
}

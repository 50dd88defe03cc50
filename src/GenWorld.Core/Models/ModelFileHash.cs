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

using System.Security.Cryptography;
using GenWorld.Inference.Models;

namespace GenWorld.Inference.Generation;

/// <summary>
/// Version strings that key the scheduler's cache: manifest name and version plus a hash of the ONNX bytes, so a
/// retrained model in a folder with an unchanged manifest still gets a new key, and a plain copy keeps the old one.
/// </summary>
internal static class ModelVersionTag
{
    public static string Of(ModelFolder model, string part, string detail)
    {
        string file = Path.Combine(model.Path, model.Manifest.Parts.Single(p => p.Name == part).File);
        using FileStream stream = File.OpenRead(file);
        string hash = Convert.ToHexStringLower(SHA256.HashData(stream))[..12];
        return $"{model.Manifest.Name} v{model.Manifest.Version} {part}:{hash} ({detail})";
    }
}

using System.Buffers.Binary;
using Google.Protobuf;
using GenWorld.Core.Models;
using Onnx;

namespace GenWorld.Inference.Tests.Generation;

/// <summary>"Retrained" copies of a shipped model folder for hot-swap tests: same graph, perturbed weights, next version.</summary>
internal static class ModelCopies
{
    /// <summary>Copies <paramref name="source"/> to <paramref name="destination"/>, adds seeded noise to the largest initializer of <paramref name="part"/>, bumps the version.</summary>
    public static string Retrained(string source, string destination, string part, int version, float noise)
    {
        Directory.CreateDirectory(destination);
        foreach (string file in Directory.GetFiles(source))
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)), overwrite: true);
        ModelManifest manifest = ModelManifest.Load(Path.Combine(destination, ModelManifest.FileName));
        string onnx = Path.Combine(destination, manifest.Parts.Single(p => p.Name == part).File);
        ModelProto model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(onnx));
        TensorProto weights = model.Graph.Initializer.Where(t => t.DataType == (int)TensorProto.Types.DataType.Float).MaxBy(t => t.RawData.Length)!;
        byte[] raw = weights.RawData.ToByteArray();
        var random = new Random(version);
        for (int i = 0; i < raw.Length; i += sizeof(float))
        {
            float w = BinaryPrimitives.ReadSingleLittleEndian(raw.AsSpan(i));
            BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(i), w + noise * (float)(random.NextDouble() * 2 - 1));
        }
        weights.RawData = ByteString.CopyFrom(raw);
        File.WriteAllBytes(onnx, model.ToByteArray());
        (manifest with { Version = version }).Save(Path.Combine(destination, ModelManifest.FileName));
        return destination;
    }

    /// <summary>Copies a folder as it is (for fault injection).</summary>
    public static string Copy(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (string file in Directory.GetFiles(source))
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)), overwrite: true);
        return destination;
    }
}

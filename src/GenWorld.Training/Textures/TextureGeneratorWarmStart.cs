using GenWorld.Training.Gan;
using GenWorld.Training.Runs;
using Onnx;
using static TorchSharp.torch;

namespace GenWorld.Training.Textures;

/// <summary>
/// Starts a texture GAN's generator (and its EMA) from an exported model's generator.onnx: every convolution's weights
/// are read back from the graph's initialisers (named "module.path/weight"). The shipped model of 2026-11 was exported
/// before model folders carried checkpoint/, so its ONNX file is the only copy of its weights. A plain generator maps
/// one to one; a style-modulated one takes the plain one's convolutions block for block and starts with zero style
/// (scale 1, shift 0), so its first tiles are exactly the source model's. The discriminator starts fresh.
/// </summary>
public static class TextureGeneratorWarmStart
{
    /// <summary>Loads <paramref name="modelDir"/>/generator.onnx into the live and EMA generators; returns the tensors copied.</summary>
    /// <exception cref="TrainingException">No such file, or a generator layer has no source of its shape.</exception>
    public static int LoadInto(TextureGanModules modules, string modelDir)
    {
        ArgumentNullException.ThrowIfNull(modules);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelDir);
        string file = Path.Combine(modelDir, TextureGanExporter.GeneratorFile);
        if (!File.Exists(file)) throw new TrainingException($"--warm-start: {modelDir} has no {TextureGanExporter.GeneratorFile}.");
        Dictionary<string, TensorProto> sources;
        try { sources = Export.OnnxInitializers.Read(file); }
        catch (Exception e) when (e is Google.Protobuf.InvalidProtocolBufferException or ArgumentException)
        {
            throw new TrainingException($"--warm-start: {file} is not a readable ONNX model: {e.Message}", e);
        }
        int copied = 0;
        var missing = new List<string>();
        using (no_grad())
        {
            foreach ((string name, var parameter) in modules.Generator.named_parameters())
            {
                if (IsStyle(name))
                {
                    // Zero style: the modulated block is then exactly the plain block it was copied from.
                    if (name.Contains("._style.", StringComparison.Ordinal)) parameter.zero_();
                    continue;
                }
                if (sources.GetValueOrDefault(SourceName(name)) is { } source && source.Dims.SequenceEqual(parameter.shape))
                {
                    parameter.copy_(tensor(Export.OnnxInitializers.Floats(source), source.Dims.ToArray()));
                    copied++;
                }
                else missing.Add(name);
            }
        }
        if (missing.Count > 0)
            throw new TrainingException($"--warm-start: {file} does not fit this generator (no source of the right shape for {string.Join(", ", missing)}); give the layer sizes it was trained with.");
        GeneratorEma.CopyFrom(modules.Ema, modules.Generator);
        return copied;
    }

    private static bool IsStyle(string name) => name.StartsWith("_mapping.", StringComparison.Ordinal) || name.Contains("._style.", StringComparison.Ordinal);

    /// <summary>The plain generator's name for a parameter (the same name when the target is plain too).</summary>
    private static string SourceName(string name)
    {
        const string features = "._features.conv.";
        if (name.StartsWith("styled", StringComparison.Ordinal) && name.IndexOf(features, StringComparison.Ordinal) is int at and > 0)
        {
            int block = int.Parse(name.AsSpan(6, at - 6), System.Globalization.CultureInfo.InvariantCulture);
            return (block == 0 ? "_body.stem_conv." : $"_body.block{block - 1}_conv.") + name[(at + features.Length)..];
        }
        return name.StartsWith("_out.", StringComparison.Ordinal) ? "_body." + name["_out.".Length..] : name;
    }
}

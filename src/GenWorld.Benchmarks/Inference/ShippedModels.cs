using System.Text.Json;
using GenWorld.Training.Models;
using GenWorld.Training.Textures;

namespace GenWorld.Benchmarks.Inference;

/// <summary>The shipped models/ folders, and their networks rebuilt in TorchSharp from report.json's config with the ONNX weights.</summary>
internal static class ShippedModels
{
    public static string Folder(string name)
    {
        string folder = Path.Combine(BenchmarkPaths.RepoRoot(), "models", name);
        return Directory.Exists(folder) ? folder : throw new BenchmarkUnavailableException($"no model at {folder}");
    }

    /// <summary>The 16 kHz notes-vae-16k decoder (a Sequential inside a SoundVae, which is returned so it can be disposed).</summary>
    public static SoundVae NotesVae()
    {
        string folder = Folder("notes-vae-16k");
        var model = new SoundVae(SoundVaeConfig.FromConfig(Config(folder)));
        OnnxWeights.CopyInto(Path.Combine(folder, "decoder.onnx"), model.Decoder);
        model.eval();
        return model;
    }

    public static TextureGenerator TexturesGan()
    {
        string folder = Folder("textures-gan");
        TextureGanConfig config = TextureGanConfig.FromDictionary(Config(folder));
        var model = new TextureGenerator(config.LatentChannels, config.GeneratorChannels, config.GlobalChannels, config.UpsampleBlur);
        OnnxWeights.CopyInto(Path.Combine(folder, "generator.onnx"), model);
        model.eval();
        return model;
    }

    private static Dictionary<string, string> Config(string folder)
    {
        string report = Path.Combine(folder, "report.json");
        if (!File.Exists(report)) throw new BenchmarkUnavailableException($"{report} is missing: the TorchSharp baseline needs the training config");
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(report));
        return json.RootElement.GetProperty("config").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
    }
}

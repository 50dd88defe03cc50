using GenWorld.Training.Runs;
using GenWorld.Training.Tests.Export;
using GenWorld.Training.Textures;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GenWorld.Training.Tests.Textures;

/// <summary>
/// A fresh texture GAN started from an exported generator.onnx makes the same tiles as that file under ONNX Runtime:
/// one to one for a plain generator, and through zero style for a style-modulated one.
/// </summary>
[Collection("Torch")]
public sealed class TextureWarmStartTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gw-texwarm-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    public void A_generator_started_from_an_exported_one_matches_it(int style)
    {
        using var scope = NewDisposeScope();
        manual_seed(31);
        var plain = new TextureGanConfig { LatentChannels = 8, GlobalChannels = 4, StyleChannels = 0, GeneratorChannels = 32, DiscriminatorChannels = 4 };
        using var source = new TextureGanModules(plain);
        string model = Path.Combine(_dir, "model");
        TextureGanExporter.Export(source.Ema, model, new Core.Models.ModelManifest { Name = "src", DatasetVersion = "fixtures", DataLicense = "CC0-1.0" });

        using var target = new TextureGanModules(plain with { StyleChannels = style });
        Assert.Equal(12, TextureGeneratorWarmStart.LoadInto(target, model)); // stem, four blocks and the output conv: weight and bias each
        Tensor z = randn(2, 8, 4, 4);
        var (data, shape) = OrtRun.Run(File.ReadAllBytes(Path.Combine(model, TextureGanExporter.GeneratorFile)), ("latent", z))[0];
        foreach (TextureGenerator g in new[] { target.Generator, target.Ema })
        {
            Tensor tiles;
            using (no_grad()) tiles = g.forward(z);
            double diff = OnnxParity.Compare(tiles, data, shape);
            output.WriteLine($"warm start S={style}: max |diff| vs the source ONNX = {diff:E2}");
            Assert.True(diff <= OnnxParity.Tolerance, $"max |diff| {diff:E3}");
        }

        using var wider = new TextureGanModules(plain with { GeneratorChannels = 64 });
        Assert.Contains("does not fit", Assert.Throws<TrainingException>(() => TextureGeneratorWarmStart.LoadInto(wider, model)).Message);
        Assert.Throws<TrainingException>(() => TextureGeneratorWarmStart.LoadInto(wider, _dir));
    }
}

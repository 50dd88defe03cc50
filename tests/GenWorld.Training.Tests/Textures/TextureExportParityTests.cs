using GenWorld.Training.Export;
using GenWorld.Training.Tests.Export;
using GenWorld.Training.Textures;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GenWorld.Training.Tests.Textures;

[Collection("Torch")]
public sealed class TextureExportParityTests(ITestOutputHelper output)
{
    [Fact]
    public void One_onnx_graph_matches_torch_at_64_and_256_pixels()
    {
        using var scope = NewDisposeScope();
        manual_seed(21);
        // The shipped size (default config), so the figure is the one the runtime sees.
        var config = new TextureGanConfig();
        using var g = new TextureGenerator(config.LatentChannels, config.GeneratorChannels);
        g.eval();
        byte[] model = OnnxExporter.Export(g, TextureGanExporter.Spec(32)).ToBytes();
        foreach ((long n, long grid) in new[] { (2L, 4L), (1L, 16L), (1L, 5L) })
        {
            Tensor z = randn(n, 32, grid, grid);
            Tensor expected;
            using (no_grad()) expected = g.forward(z);
            var (data, shape) = OrtRun.Run(model, ("latent", z))[0];
            double diff = OnnxParity.Compare(expected, data, shape);
            output.WriteLine($"PARITY texture generator {16 * grid}x{16 * grid} (N={n}): max |diff| = {diff:E2}");
            Assert.True(diff <= OnnxParity.Tolerance, $"{16 * grid}px: max |diff| {diff:E3}");
        }
    }

    [Fact]
    public void An_invalid_manifest_leaves_no_files_behind()
    {
        using var g = new TextureGenerator(8, 16);
        string dir = Path.Combine(Path.GetTempPath(), $"gw-texexport-{Guid.NewGuid():N}");
        var e = Assert.Throws<ArgumentException>(() => TextureGanExporter.Export(g, dir, new GenWorld.Core.Models.ModelManifest { Name = "x", DatasetVersion = "v1" }));
        Assert.Contains("dataLicense", e.Message);
        Assert.False(Directory.Exists(dir));
    }
}

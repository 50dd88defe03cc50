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
        // The shipped size (default config: global code and upsampling blur), so the figure is the one the runtime sees;
        // then the same with the style modulation of every block (--style 64).
        var config = new TextureGanConfig();
        Assert.True(config.UpsampleBlur);
        CheckParity(config.LatentChannels, config.GeneratorChannels, config.GlobalChannels, config.UpsampleBlur, seed: 21,
            [(1L, 4L), (3L, 4L), (1L, 16L), (3L, 16L), (1L, 5L)], config.StyleChannels);
        CheckParity(config.LatentChannels, config.GeneratorChannels, config.GlobalChannels, config.UpsampleBlur, seed: 25,
            [(1L, 4L), (3L, 4L), (1L, 16L), (3L, 16L), (1L, 5L)], style: 64);
    }

    [Fact]
    public void Generators_without_global_code_blur_or_style_still_export_as_before()
    {
        // Checkpoints from before the global code (globalChannels absent → 0), the blur (upsampleBlur absent → off) or the
        // style modulation (styleChannels absent → 0).
        CheckParity(32, 64, 0, blur: false, seed: 22, [(2L, 4L), (1L, 16L)]);
        CheckParity(32, 64, 16, blur: false, seed: 23, [(2L, 4L), (1L, 16L)]);
    }

    private void CheckParity(int latent, int channels, int global, bool blur, int seed, (long N, long Grid)[] cases, int style = 0)
    {
        using var scope = NewDisposeScope();
        manual_seed(seed);
        using var g = new TextureGenerator(latent, channels, global, blur, style);
        g.eval();
        byte[] model = OnnxExporter.Export(g, TextureGanExporter.Spec(latent)).ToBytes();
        foreach ((long n, long grid) in cases)
        {
            Tensor z = randn(n, latent, grid, grid);
            Tensor expected;
            using (no_grad()) expected = g.forward(z);
            var (data, shape) = OrtRun.Run(model, ("latent", z))[0];
            double diff = OnnxParity.Compare(expected, data, shape);
            output.WriteLine($"PARITY texture generator G={global} S={style} blur={blur} {16 * grid}x{16 * grid} (N={n}): max |diff| = {diff:E2}");
            Assert.True(diff <= OnnxParity.Tolerance, $"G={global} {16 * grid}px N={n}: max |diff| {diff:E3}");
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

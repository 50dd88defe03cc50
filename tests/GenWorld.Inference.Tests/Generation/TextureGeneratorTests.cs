using GenWorld.Inference.Generation;
using GenWorld.Inference.Models;

namespace GenWorld.Inference.Tests.Generation;

/// <summary>Runs the shipped models/textures-gan (trained on the real textures dataset) through ONNX Runtime.</summary>
[Collection(OnnxRuntimeCollection.Name)]
public sealed class TextureGeneratorTests : IDisposable
{
    private readonly ModelFolder _model = ModelFolder.Open(RepoPaths.Model("textures-gan"), new OrtSessionFactory(_ => { }));

    public void Dispose() => _model.Dispose();

    [Fact]
    public async Task Same_seed_gives_the_same_tile_and_another_seed_a_different_one()
    {
        var generator = new TextureGenerator(_model);
        byte[] a = await generator.GenerateTextureAsync(generator.SeededLatent(5, 64), 64);
        byte[] b = await generator.GenerateTextureAsync(generator.SeededLatent(5, 64), 64);
        byte[] c = await generator.GenerateTextureAsync(generator.SeededLatent(6, 64), 64);

        Assert.Equal(64 * 64 * 4, a.Length);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.True(a.Where((_, i) => i % 4 == 0).Distinct().Count() > 20, "a tile should not be flat");
    }

    [Fact]
    public async Task A_256_tile_wraps_seamlessly()
    {
        var generator = new TextureGenerator(_model);
        byte[] tile = await generator.GenerateTextureAsync(generator.SeededLatent(11, 256), 256);

        // Mean absolute step across the wrap-around column pair vs across every interior column pair.
        double Step(int x0, int x1)
        {
            double sum = 0;
            for (int y = 0; y < 256; y++)
                for (int ch = 0; ch < 3; ch++)
                    sum += Math.Abs(tile[((y * 256) + x0) * 4 + ch] - tile[((y * 256) + x1) * 4 + ch]);
            return sum / (256 * 3);
        }
        double wrap = Step(255, 0);
        double interior = Enumerable.Range(0, 255).Average(x => Step(x, x + 1));
        Assert.InRange(wrap / interior, 0.5, 1.5);
    }

    [Fact]
    public async Task Bad_latents_and_sizes_are_refused_with_the_reason()
    {
        var generator = new TextureGenerator(_model);
        var wrongLength = await Assert.ThrowsAsync<ArgumentException>(() => generator.GenerateTextureAsync(new float[10], 64));
        Assert.Contains("needs a latent of", wrongLength.Message, StringComparison.Ordinal);

        float[] nan = generator.SeededLatent(1, 64);
        nan[7] = float.NaN;
        var notFinite = await Assert.ThrowsAsync<ArgumentException>(() => generator.GenerateTextureAsync(nan, 64));
        Assert.Contains("latent[7]", notFinite.Message, StringComparison.Ordinal);

        Assert.Throws<ArgumentOutOfRangeException>(() => generator.SeededLatent(1, 70));
    }
}

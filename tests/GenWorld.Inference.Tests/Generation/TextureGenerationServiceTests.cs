using GenWorld.Inference.Generation;
using GenWorld.Inference.Scheduling;

namespace GenWorld.Inference.Tests.Generation;

/// <summary>The texture API over per-size schedulers with the shipped models/textures-gan.</summary>
[Collection(OnnxRuntimeCollection.Name)]
public sealed class TextureGenerationServiceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("genworld-tex-").FullName;
    private readonly TextureGenerationService _service = TextureGenerationService.Open(RepoPaths.Model("textures-gan"));

    public void Dispose()
    {
        _service.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(256)]
    public async Task A_tile_through_the_scheduler_is_the_direct_generators_tile_and_repeats_hit_the_cache(int size)
    {
        float[] latent = Grid(_service.Generator.SeededLatent(7, size));
        byte[] tile = await _service.GenerateTextureAsync(latent, size);
        byte[] direct = _service.Generator.Generate(latent, size);

        Assert.Equal(size * size * 4, tile.Length);
        Assert.True(tile.Zip(direct).All(p => Math.Abs(p.First - p.Second) <= 1), "RGBA8 within one level of the direct tile");
        Assert.All(Enumerable.Range(0, size * size), p => Assert.Equal(255, tile[p * 4 + 3]));
        Assert.True(tile.Where((_, i) => i % 4 != 3).Distinct().Count() > 50, "a texture, not a flat colour");
        Assert.Equal(tile, await _service.GenerateTextureAsync(latent, size));
        SchedulerMetrics metrics = _service.Metrics(size);
        Assert.Equal((2L, 1L, 1L), (metrics.Requests, metrics.CacheHits, metrics.RowsComputed));
    }

    [Fact]
    public async Task Bad_sizes_and_latents_are_refused_and_the_service_keeps_serving()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = _service.GenerateTextureAsync(new float[32], 40); });
        var wrong = Assert.Throws<ArgumentException>(() => { _ = _service.GenerateTextureAsync(new float[100], 64); });
        Assert.Contains("32×4×4 = 512 values, got 100", wrong.Message, StringComparison.Ordinal);
        float[] nan = _service.Generator.SeededLatent(1, 64);
        nan[9] = float.NaN;
        Assert.Contains("latent[9]", Assert.Throws<ArgumentException>(() => { _ = _service.GenerateTextureAsync(nan, 64); }).Message, StringComparison.Ordinal);
        Assert.Equal(64 * 64 * 4, (await _service.GenerateTextureAsync(_service.Generator.SeededLatent(1, 64), 64)).Length);
    }

    [Fact]
    public async Task A_retrained_copy_swapped_in_while_serving_makes_the_next_tiles()
    {
        string v2 = ModelCopies.Retrained(RepoPaths.Model("textures-gan"), Path.Combine(_dir, "textures-gan"), "generator", version: 2, noise: 0.05f);
        float[] latent = Grid(_service.Generator.SeededLatent(3, 64));
        Task<byte[]>[] during = [.. Enumerable.Range(0, 16).Select(i => _service.GenerateTextureAsync(Grid(_service.Generator.SeededLatent(100 + i, 64)), 64))];
        byte[] before = await _service.GenerateTextureAsync(latent, 64);

        _service.SwapModel(v2);
        byte[] after = await _service.GenerateTextureAsync(latent, 64);
        await Task.WhenAll(during); // requests around the swap all succeed

        Assert.Contains("textures-gan v2", _service.ModelVersion, StringComparison.Ordinal);
        Assert.True(before.Zip(after).Count(p => p.First != p.Second) > before.Length / 10, "v2 makes a different tile");
        // The service runs tiles in batches; a batched ORT run can differ from a single one in the last float bit, which
        // may flip a byte's rounding (it does for one pixel with the global-code model), so allow one step.
        byte[] single = _service.Generator.Generate(latent, 64);
        Assert.True(single.Zip(after).Max(p => Math.Abs(p.First - p.Second)) <= 1, "the swapped-in v2 made the tile");
        Assert.Equal(0, _service.Metrics(64).Failed);
    }

    /// <summary>Onto a 0.01 grid, so the scheduler's quantisation changes nothing.</summary>
    private static float[] Grid(float[] latent) => [.. latent.Select(v => MathF.Round(v * 100) / 100)];
}

using GenWorld.Training.Runs;
using GenWorld.Training.Textures;
using static TorchSharp.torch;

namespace GenWorld.Training.Tests.Textures;

[Collection("Torch")]
public sealed class TileFolderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gw-tiles-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Loads_pngs_and_draws_reproducible_batches_in_range()
    {
        using var scope = NewDisposeScope();
        using var tiles = TileFolder.Load(TextureFixtures.WriteTiles(Path.Combine(_dir, "ok"), count: 3), 32);
        Assert.Equal(3, tiles.Count);
        Assert.Equal(new long[] { 3, 48, 48 }, tiles[0].shape);
        Tensor a = tiles.Batch(5, 32, new RunRandom(9)), b = tiles.Batch(5, 32, new RunRandom(9));
        Assert.Equal(new long[] { 5, 3, 32, 32 }, a.shape);
        Assert.True(a.equal(b).all().item<bool>());
        Assert.InRange(a.min().item<float>(), -1f, 1f);
        Assert.InRange(a.max().item<float>(), -1f, 1f);
        Assert.True(a.std().item<float>() > 0.05);
    }

    [Fact]
    public void Bad_datasets_fail_naming_the_problem()
    {
        Assert.Contains("does not exist", Assert.Throws<DirectoryNotFoundException>(() => TileFolder.Load(Path.Combine(_dir, "missing"), 32)).Message);
        Directory.CreateDirectory(Path.Combine(_dir, "empty"));
        Assert.Contains("no .png", Assert.Throws<InvalidDataException>(() => TileFolder.Load(Path.Combine(_dir, "empty"), 32)).Message);
        TextureFixtures.WriteTiles(Path.Combine(_dir, "small"), count: 1, size: 16);
        Assert.Contains("smaller than", Assert.Throws<InvalidDataException>(() => TileFolder.Load(Path.Combine(_dir, "small"), 32)).Message);
        Directory.CreateDirectory(Path.Combine(_dir, "corrupt"));
        File.WriteAllText(Path.Combine(_dir, "corrupt", "x.png"), "not a png");
        Assert.Contains("x.png", Assert.Throws<InvalidDataException>(() => TileFolder.Load(Path.Combine(_dir, "corrupt"), 32)).Message);
    }
}

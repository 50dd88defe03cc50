using GenWorld.Core.Models;
using GenWorld.Inference.Generation;

namespace GenWorld.Inference.Tests.Generation;

/// <summary>A damaged ONNX file fails to load naming the file; texture sizes are bounded before any work.</summary>
[Collection(OnnxRuntimeCollection.Name)]
public sealed class RunawayRequestTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("genworld-runaway-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Flipped_bytes_in_an_exported_model_fail_the_load_naming_the_file()
    {
        string folder = ModelCopies.Copy(RepoPaths.Model("notes-vae"), Path.Combine(_dir, "flipped"));
        string manifest = Path.Combine(folder, ModelManifest.FileName);
        ModelManifest.Load(manifest).Save(manifest); // records the hashes, as an export now does
        string decoder = Path.Combine(folder, "decoder.onnx");
        byte[] bytes = File.ReadAllBytes(decoder);
        var random = new Random(16);
        for (int i = 0; i < 400; i++) bytes[bytes.Length / 2 + random.Next(bytes.Length / 4)] ^= 0x5A; // weights, not the graph
        File.WriteAllBytes(decoder, bytes);

        var e = Assert.Throws<InvalidModelException>(() => SoundGenerationService.Open(folder));
        Assert.Contains(decoder, e.Message, StringComparison.Ordinal);
        Assert.Contains("the file is damaged", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "must be a multiple of 16 between 16 and 2048")]
    [InlineData(-16, "must be a multiple of 16")]
    [InlineData(15, "must be a multiple of 16")]
    [InlineData(8192, "must be a multiple of 16")]
    [InlineData(2048, "needs about 3.2 GB of memory, and 2.0 GB is available")]
    public void Texture_sizes_are_bounded_with_a_memory_estimate(int size, string expected)
    {
        Assert.Contains(expected, TextureSizeLimit.Problem(size, 2_000_000_000), StringComparison.Ordinal);
        Assert.Null(TextureSizeLimit.Problem(256, 2_000_000_000));
    }
}

using GenWorld.Core.Models;
using GenWorld.Inference.Generation;
using GenWorld.Inference.Models;

namespace GenWorld.Inference.Tests.Generation;

/// <summary>Broken copies of the shipped notes-vae: each refused with an error naming the problem, and a bad swap leaves the old model serving.</summary>
[Collection(OnnxRuntimeCollection.Name)]
public sealed class BadModelFolderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("genworld-bad-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Broken(string name, Action<string> breakIt)
    {
        string folder = ModelCopies.Copy(RepoPaths.Model("notes-vae"), Path.Combine(_dir, name));
        breakIt(folder);
        return folder;
    }

    [Fact]
    public void Missing_folder_corrupt_onnx_and_a_manifest_that_lies_about_its_graph_are_named()
    {
        var missing = Assert.Throws<DirectoryNotFoundException>(() => SoundGenerationService.Open(Path.Combine(_dir, "nowhere")));
        Assert.Contains("nowhere' does not exist", missing.Message, StringComparison.Ordinal);

        string corrupt = Broken("corrupt", f => File.WriteAllBytes(Path.Combine(f, "decoder.onnx"), [.. Enumerable.Repeat((byte)0x5A, 4096)]));
        var bad = Assert.Throws<InvalidModelException>(() => SoundGenerationService.Open(corrupt));
        Assert.Contains("decoder.onnx' is not a loadable ONNX model", bad.Message, StringComparison.Ordinal);

        string lying = Broken("lying", f =>
        {
            string path = Path.Combine(f, ModelManifest.FileName);
            ModelManifest m = ModelManifest.Load(path);
            ModelOnnxPart decoder = m.Parts[1];
            ModelOnnxPart widened = decoder with { Inputs = [decoder.Inputs[0] with { Shape = [-1, 90] }] };
            (m with { Parts = [m.Parts[0], widened] }).Save(path);
        });
        var mismatch = Assert.Throws<InvalidModelFolderException>(() => SoundGenerationService.Open(lying));
        Assert.Contains("parts[1].inputs[0].shape[1]: manifest says 90, graph says 89", mismatch.Message, StringComparison.Ordinal);

        var texture = Assert.Throws<NotSupportedException>(() => SoundGenerationService.Open(RepoPaths.Model("textures-gan")));
        Assert.Contains("no sound generator serves that kind", texture.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_swap_to_a_corrupt_folder_throws_and_the_old_model_keeps_serving()
    {
        using var service = SoundGenerationService.Open(RepoPaths.Model("notes-vae"));
        string before = service.ModelVersion;
        string corrupt = Broken("corrupt", f => File.WriteAllText(Path.Combine(f, "decoder.onnx"), "not a model"));

        Assert.Throws<InvalidModelException>(() => service.SwapModel(corrupt));
        var same = Assert.Throws<ArgumentException>(() => service.SwapModel(RepoPaths.Model("notes-vae")));
        Assert.Contains("is already being served", same.Message, StringComparison.Ordinal);

        Assert.Equal(before, service.ModelVersion);
        float[] clip = await service.GenerateSoundAsync(SoundGenerationServiceTests.Latent(1), SoundConditioning.Pitch(60));
        Assert.Equal(service.ClipLength, clip.Length);
    }
}

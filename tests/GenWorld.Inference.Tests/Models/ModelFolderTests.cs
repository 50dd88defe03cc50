using GenWorld.Core.Models;
using GenWorld.Inference.Models;
using GenWorld.Inference.Onnx;

namespace GenWorld.Inference.Tests.Models;

[Collection(OnnxRuntimeCollection.Name)]
public sealed class ModelFolderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("genworld-models-").FullName;
    private readonly OrtSessionFactory _factory = new(_ => { });

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static ModelManifest Manifest(long outputWidth = 3, string inputName = "x") => new()
    {
        Name = "tiny",
        Kind = ModelKind.TextureGan,
        LatentSize = 4,
        Parts = [new ModelOnnxPart("generator", "generator.onnx",
            [new ModelTensorInfo(inputName, "float32", [-1, 4])],
            [new ModelTensorInfo("y", "float32", [-1, outputWidth])])],
        DatasetVersion = "test",
        DataLicense = "CC0-1.0",
    };

    private string Folder(ModelManifest manifest, bool writeGraph = true)
    {
        string folder = Path.Combine(_dir, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        if (writeGraph)
            File.WriteAllBytes(Path.Combine(folder, "generator.onnx"), TinyOnnxModels.Linear(4, 3, new float[12], [1, 2, 3]));
        manifest.Save(Path.Combine(folder, ModelManifest.FileName));
        return folder;
    }

    [Fact]
    public void A_matching_folder_opens_warmed_up_on_cpu_and_its_part_runs()
    {
        using ModelFolder model = ModelFolder.Open(Folder(Manifest()), _factory);
        Assert.Equal(ExecutionDevice.Cpu, model.Device);
        float[] y = OrtRun.Run(model.Part("generator").Session, [0, 0, 0, 0], rows: 1, width: 4);
        Assert.Equal([1f, 2f, 3f], y);
        var e = Assert.Throws<KeyNotFoundException>(() => model.Part("decoder"));
        Assert.Contains("generator", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shape", "parts[0].outputs[0].shape[1]: manifest says 5, graph says 3")]
    [InlineData("name", "parts[0].inputs[0].name: 'latent' is not in the graph")]
    [InlineData("file", "parts[0].file: 'generator.onnx' does not exist")]
    public void A_manifest_that_disagrees_with_its_graph_is_refused_naming_the_field(string fault, string expected)
    {
        string folder = fault switch
        {
            "shape" => Folder(Manifest(outputWidth: 5)),
            "name" => Folder(Manifest(inputName: "latent")),
            _ => Folder(Manifest(), writeGraph: false),
        };
        var e = Assert.Throws<InvalidModelFolderException>(() => ModelFolder.Open(folder, _factory));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_folder_missing_manifest_and_corrupt_graph_give_clear_errors()
    {
        Assert.Throws<DirectoryNotFoundException>(() => ModelFolder.Open(Path.Combine(_dir, "nope"), _factory));

        string empty = Directory.CreateDirectory(Path.Combine(_dir, "empty")).FullName;
        var missing = Assert.Throws<InvalidModelFolderException>(() => ModelFolder.Open(empty, _factory));
        Assert.Contains("manifest.json is missing", missing.Message, StringComparison.Ordinal);

        string corrupt = Folder(Manifest());
        File.WriteAllBytes(Path.Combine(corrupt, "generator.onnx"), [1, 2, 3, 4, 5]);
        var bad = Assert.Throws<InvalidModelException>(() => ModelFolder.Open(corrupt, _factory));
        Assert.Contains("generator.onnx", bad.Message, StringComparison.Ordinal);
    }
}

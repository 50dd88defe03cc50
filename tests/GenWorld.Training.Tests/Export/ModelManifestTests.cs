using GenWorld.Core.Models;
using GenWorld.Training.Export;

namespace GenWorld.Training.Tests.Export;

/// <summary>manifest.json: round trip, field-naming validation, atomic save that refuses invalid content.</summary>
public sealed class ModelManifestTests
{
    private static ModelManifest Valid() => new()
    {
        Name = "footsteps-vae",
        Kind = ModelKind.SoundVae,
        Version = 2,
        LatentSize = 16,
        Conditioning = new ModelConditioning("surface material", PitchMin: 36, PitchMax: 84, LabelNames: ["gravel", "wood"]),
        SampleRate = 22050,
        AudioRepresentation = "waveform",
        Parts =
        [
            OnnxManifestParts.From(OnnxExportSpec.Single(OnnxValueSpec.Float("z", OnnxDim.Batch, 16), OnnxValueSpec.Float("audio", OnnxDim.Batch, 1, 8192)), "decoder", "decoder.onnx"),
        ],
        DatasetVersion = "freesound-footsteps-2026.11",
        Metrics = new Dictionary<string, double> { ["finalLoss"] = 0.0123, ["klPerDim"] = 0.41 },
        DataLicense = "CC0-1.0",
    };

    [Fact]
    public void Valid_manifest_has_no_errors_and_survives_a_file_round_trip()
    {
        string dir = Directory.CreateTempSubdirectory("genworld-manifest-").FullName;
        try
        {
            string path = Path.Combine(dir, ModelManifest.FileName);
            ModelManifest original = Valid();
            Assert.Empty(original.Validate());

            original.Save(path);
            ModelManifest loaded = ModelManifest.Load(path);

            Assert.Equal(original.ToJson(), loaded.ToJson());
            Assert.Equal(ModelKind.SoundVae, loaded.Kind);
            Assert.Equal(["gravel", "wood"], loaded.Conditioning!.LabelNames!);
            Assert.Equal(new long[] { -1, 1, 8192 }, loaded.Parts[0].Outputs[0].Shape);
            Assert.Equal(0.41, loaded.Metrics["klPerDim"]);
            string json = File.ReadAllText(path);
            Assert.Contains("\"kind\": \"sound-vae\"", json, StringComparison.Ordinal);
            Assert.Contains("\"latentSize\": 16", json, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Validation_names_each_bad_field()
    {
        ModelManifest bad = Valid() with
        {
            Name = "",
            LatentSize = 0,
            SampleRate = null,
            Conditioning = new ModelConditioning("pitch", PitchMin: 90, PitchMax: 20, LabelNames: ["a", "a"]),
            Parts = [new ModelOnnxPart("decoder", "../decoder.onnx", [], [new ModelTensorInfo("y", "float16", [-1, 0])])],
            Metrics = new Dictionary<string, double> { ["fad"] = double.NaN },
            DataLicense = " ",
        };

        IReadOnlyList<string> errors = bad.Validate();

        foreach (string field in new[] { "name:", "latentSize:", "sampleRate:", "conditioning.pitchMin/pitchMax:", "conditioning.labelNames[1]:",
                     "parts[0].file:", "parts[0].inputs:", "parts[0].outputs[0].elementType:", "parts[0].outputs[0].shape:", "metrics.fad:", "dataLicense:" })
            Assert.Contains(errors, e => e.StartsWith(field, StringComparison.Ordinal));
        Assert.Equal(11, errors.Count);
    }

    [Fact]
    public void Save_refuses_an_invalid_manifest_and_writes_nothing()
    {
        string dir = Directory.CreateTempSubdirectory("genworld-manifest-").FullName;
        try
        {
            string path = Path.Combine(dir, ModelManifest.FileName);
            var e = Assert.Throws<InvalidOperationException>(() => (Valid() with { Parts = [] }).Save(path));
            Assert.Contains("parts:", e.Message, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFiles(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Malformed_json_is_reported_with_its_location()
    {
        var e = Assert.Throws<InvalidDataException>(() => ModelManifest.FromJson("{\"name\": \"x\", \"kind\": \"banana\"}", "models/x/manifest.json"));
        Assert.Contains("models/x/manifest.json", e.Message, StringComparison.Ordinal);
        Assert.Contains("$.kind", e.Message, StringComparison.Ordinal);
    }
}

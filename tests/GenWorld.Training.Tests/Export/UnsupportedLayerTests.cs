using GenWorld.Training.Export;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenWorld.Training.Tests.Export;

/// <summary>Export refuses what it cannot express, naming the layer and its path in the module tree.</summary>
[Collection("Torch")]
public sealed class UnsupportedLayerTests
{
    private static readonly OnnxExportSpec Spec = OnnxExportSpec.Single(OnnxValueSpec.Float("x", OnnxDim.Batch, 4), OnnxValueSpec.Float("y", OnnxDim.Batch, 4));

    [Fact]
    public void Unsupported_layer_deep_in_a_sequential_is_named_with_its_path()
    {
        using var model = nn.Sequential(
            ("encoder", nn.Linear(4, 4)),
            ("decoder", nn.Sequential(nn.Linear(4, 4), nn.ReLU(), nn.Linear(4, 4), nn.Hardtanh())));

        var e = Assert.Throws<OnnxExportException>(() => OnnxExporter.Export(model, Spec));

        Assert.Equal("decoder.3: Hardtanh is not supported by the GenWorld ONNX exporter (implement IOnnxExportable or register an emitter).", e.Message);
        Assert.Equal("decoder.3", e.ModulePath);
    }

    [Fact]
    public void Unsupported_child_of_a_custom_module_is_named_with_its_path()
    {
        using var model = nn.Sequential(("decoder", new RecurrentDecoder()));

        var e = Assert.Throws<OnnxExportException>(() => OnnxExporter.Export(model, Spec));

        Assert.StartsWith("decoder._lstm: LSTM is not supported by the GenWorld ONNX exporter", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_module_without_an_export_is_refused_at_the_root()
    {
        using var model = new PlainCustom();

        var e = Assert.Throws<OnnxExportException>(() => OnnxExporter.Export(model, Spec));

        Assert.StartsWith("(root): PlainCustom is not supported", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BatchNorm_without_running_stats_is_refused_rather_than_exported_wrong()
    {
        using var model = nn.Sequential(("norm", nn.BatchNorm1d(4, track_running_stats: false)));

        var e = Assert.Throws<OnnxExportException>(() => OnnxExporter.Export(model, Spec));

        Assert.StartsWith("norm: BatchNorm1d without running stats", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Spec_errors_name_the_field()
    {
        using var model = nn.Linear(4, 4);
        var spec = new OnnxExportSpec([OnnxValueSpec.Float("x", OnnxDim.Batch, 4)], [OnnxValueSpec.Float("x", OnnxDim.Batch, 4)]);

        var e = Assert.Throws<ArgumentException>(() => OnnxExporter.Export(model, spec));

        Assert.Contains("outputs[0].name: 'x' is used twice.", e.Message, StringComparison.Ordinal);
    }

    private sealed class PlainCustom : nn.Module<Tensor, Tensor>
    {
        public PlainCustom() : base(nameof(PlainCustom)) { }

        public override Tensor forward(Tensor input) => input * 2;
    }

    private sealed class RecurrentDecoder : nn.Module<Tensor, Tensor>, IOnnxExportable
    {
        // GRU exports since the note prior's baseline needed it; LSTM still has no emitter.
        private readonly LSTM _lstm = nn.LSTM(4, 4, batchFirst: true);

        public RecurrentDecoder() : base(nameof(RecurrentDecoder)) => RegisterComponents();

        public override Tensor forward(Tensor input) => _lstm.forward(input).Item1;

        public IReadOnlyList<string> ExportOnnx(OnnxExportScope scope, IReadOnlyList<string> inputs) => [scope.Export(_lstm, inputs[0])];
    }
}

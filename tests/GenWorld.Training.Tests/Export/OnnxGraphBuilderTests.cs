using System.Buffers.Binary;
using GenWorld.Training.Export;
using Microsoft.ML.OnnxRuntime;
using Onnx;
using static TorchSharp.torch;

namespace GenWorld.Training.Tests.Export;

/// <summary>The model container: header fields, dynamic batch, initializer bytes, unique names, atomic save.</summary>
[Collection("Torch")]
public sealed class OnnxGraphBuilderTests
{
    private static readonly OnnxExportSpec LinearSpec =
        OnnxExportSpec.Single(OnnxValueSpec.Float("x", OnnxDim.Batch, 3), OnnxValueSpec.Float("y", OnnxDim.Batch, 2));

    [Fact]
    public void Model_header_and_dynamic_batch_are_written()
    {
        using var linear = nn.Linear(3, 2);
        ModelProto model = OnnxExporter.Export(linear, LinearSpec).Build();

        Assert.Equal(8, model.IrVersion);
        Assert.Equal("GenWorld", model.ProducerName);
        Assert.Equal(17, Assert.Single(model.OpsetImport).Version);
        Assert.Equal("N", model.Graph.Input[0].Type.TensorType.Shape.Dim[0].DimParam);
        Assert.Equal(3, model.Graph.Input[0].Type.TensorType.Shape.Dim[1].DimValue);
        Assert.Equal("y", Assert.Single(model.Graph.Output).Name);
    }

    [Fact]
    public void Initializers_hold_the_torch_weights_as_little_endian_float32()
    {
        using var scope = NewDisposeScope();
        using var linear = nn.Linear(3, 2);
        ModelProto model = OnnxExporter.Export(linear, LinearSpec).Build();

        TensorProto weight = model.Graph.Initializer.Single(t => t.Name.Contains("weight_t", StringComparison.Ordinal));
        Assert.Equal((int)OnnxElementType.Float, weight.DataType);
        Assert.Equal(new long[] { 3, 2 }, weight.Dims);
        float[] expected = linear.weight!.detach().t().contiguous().data<float>().ToArray();
        byte[] raw = weight.RawData.ToByteArray();
        float[] actual = [.. Enumerable.Range(0, raw.Length / 4).Select(i => BinaryPrimitives.ReadSingleLittleEndian(raw.AsSpan(4 * i)))];
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Node_and_value_names_are_unique()
    {
        using var model = nn.Sequential(nn.Linear(3, 4), nn.SiLU(), nn.Linear(4, 4), nn.SiLU(), nn.Linear(4, 2));
        GraphProto graph = OnnxExporter.Export(model, LinearSpec).Build().Graph;

        var nodeNames = graph.Node.Select(n => n.Name).ToList();
        var values = graph.Node.SelectMany(n => n.Output).Concat(graph.Initializer.Select(i => i.Name)).Concat(graph.Input.Select(i => i.Name)).ToList();
        Assert.Equal(nodeNames.Count, nodeNames.Distinct().Count());
        Assert.Equal(values.Count, values.Distinct().Count());
        Assert.Contains(nodeNames, n => n.StartsWith("2/MatMul", StringComparison.Ordinal));
    }

    [Fact]
    public void Save_writes_a_loadable_file_and_leaves_no_temp_files()
    {
        string dir = Directory.CreateTempSubdirectory("genworld-onnx-").FullName;
        try
        {
            using var linear = nn.Linear(3, 2);
            string path = Path.Combine(dir, "decoder.onnx");
            OnnxExporter.Save(linear, LinearSpec, path);

            using var session = new InferenceSession(path);
            Assert.Equal("x", Assert.Single(session.InputNames));
            Assert.Equal(-1, session.InputMetadata["x"].Dimensions[0]);
            Assert.Equal(["decoder.onnx"], Directory.GetFiles(dir).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Export_runs_in_eval_mode_and_restores_training_mode()
    {
        using var scope = NewDisposeScope();
        using var model = nn.Sequential(nn.Linear(3, 2), nn.Dropout(0.9));
        model.train();

        byte[] bytes = OnnxExporter.Export(model, LinearSpec).ToBytes();

        Assert.True(model.training);
        Tensor x = ones(2, 3);
        model.eval();
        Tensor expected = model.forward(x);
        var (data, shape) = OrtRun.Run(bytes, ("x", x))[0];
        Assert.True(OnnxParity.Compare(expected, data, shape) <= OnnxParity.Tolerance);
    }
}

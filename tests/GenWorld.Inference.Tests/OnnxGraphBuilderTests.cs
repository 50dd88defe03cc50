using GenWorld.Inference.Onnx;
using Onnx;

namespace GenWorld.Inference.Tests;

[Collection(OnnxRuntimeCollection.Name)]
public sealed class OnnxGraphBuilderTests
{
    private static readonly float[] W = [1, 2, 3, 4, 5, 6];
    private static readonly float[] B = [0.5f, -0.5f, 1];

    [Fact]
    public void Writer_output_parses_as_the_same_model_the_protobuf_types_build()
    {
        ModelProto ours = ModelProto.Parser.ParseFrom(TinyOnnxModels.Linear(2, 3, W, B));

        Assert.Equal(8, ours.IrVersion);
        Assert.Equal(17, Assert.Single(ours.OpsetImport).Version);
        Assert.Equal(["MatMul", "Add"], ours.Graph.Node.Select(n => n.OpType));
        TensorProto w = ours.Graph.Initializer.Single(t => t.Name == "W");
        Assert.Equal([2L, 3L], w.Dims);
        Assert.Equal(W, w.FloatData);
        TensorShapeProto inputShape = Assert.Single(ours.Graph.Input).Type.TensorType.Shape;
        Assert.Equal("N", inputShape.Dim[0].DimParam);
        Assert.Equal(2, inputShape.Dim[1].DimValue);
    }

    [Fact]
    public void Writer_model_and_protobuf_model_compute_the_same_numbers()
    {
        var factory = new OrtSessionFactory(_ => { });
        var cpu = new OrtSessionSettings(DevicePreference.Cpu, IntraOpThreads: 1);
        using OrtSession ours = factory.Open(TinyOnnxModels.Linear(2, 3, W, B), "ours", cpu);
        using OrtSession reference = factory.Open(OnnxSharpModels.LinearBytes(2, 3, W, B), "reference", cpu);
        float[] x = [1, 2, -3, 0.25f];

        float[] a = OrtRun.Run(ours.Session, x, 2, 2);
        float[] b = OrtRun.Run(reference.Session, (float[])x.Clone(), 2, 2);

        Assert.Equal([9.5f, 11.5f, 16, -1.5f, -5.25f, -6.5f], a);
        Assert.Equal(b, a);
    }

    [Fact]
    public void Initializer_with_the_wrong_count_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new OnnxGraphBuilder().Initializer("W", [1, 2, 3], 2, 2));
        Assert.Contains("'W' has 3 values but dims [2, 2] need 4", e.Message, StringComparison.Ordinal);
    }
}

using GenWorld.Training.Export;
using static TorchSharp.torch;

namespace GenWorld.Training.Tests.Export;

/// <summary>Exports a module once with a dynamic batch, then compares ONNX Runtime with the TorchSharp forward at N=1 and N=3.</summary>
internal static class OnnxParity
{
    public const double Tolerance = 1e-4;
    public static readonly long[] Batches = [1, 3];

    /// <summary>Max |onnx - torch| over both batch sizes; asserts output shapes agree.</summary>
    public static double MaxDiff(nn.Module<Tensor, Tensor> module, long[] itemShape, Func<long[], Tensor>? makeInput = null, OnnxElementType inputType = OnnxElementType.Float)
    {
        makeInput ??= shape => randn(shape);
        module.eval();
        long[] outputItemShape;
        using (NewDisposeScope())
        using (no_grad())
            outputItemShape = module.forward(makeInput([1, .. itemShape])).shape[1..];
        var spec = OnnxExportSpec.Single(
            new OnnxValueSpec("x", inputType, [OnnxDim.Batch, .. itemShape.Select(d => (OnnxDim)d)]),
            new OnnxValueSpec("y", OnnxElementType.Float, [OnnxDim.Batch, .. outputItemShape.Select(d => (OnnxDim)d)]));
        byte[] model = OnnxExporter.Export(module, spec).ToBytes();
        double worst = 0;
        foreach (long n in Batches)
        {
            using var scope = NewDisposeScope();
            Tensor x = makeInput([n, .. itemShape]);
            Tensor expected;
            using (no_grad()) expected = module.forward(x);
            var (data, shape) = OrtRun.Run(model, ("x", x))[0];
            worst = Math.Max(worst, Compare(expected, data, shape));
        }
        return worst;
    }

    public static double Compare(Tensor expected, float[] actual, long[] actualShape)
    {
        Assert.Equal(expected.shape, actualShape);
        float[] want = expected.detach().cpu().contiguous().data<float>().ToArray();
        Assert.Equal(want.Length, actual.Length);
        // An all-zero reference would make any exporter look perfect.
        Assert.True(want.Any(v => Math.Abs(v) > 1e-3f), "the TorchSharp reference output is all ~0; the case proves nothing");
        double worst = 0;
        for (int i = 0; i < want.Length; i++)
        {
            Assert.False(float.IsNaN(actual[i]), $"ONNX output {i} is NaN");
            worst = Math.Max(worst, Math.Abs(want[i] - actual[i]));
        }
        return worst;
    }
}

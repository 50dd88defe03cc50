using GenWorld.Training.Export;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GenWorld.Training.Tests.Export;

/// <summary>Whole models: a tileable conv decoder, a custom causal attention block, a two-input conditional head.</summary>
[Collection("Torch")]
public sealed class CompositeParityTests(ITestOutputHelper output)
{
    [Fact]
    public void Tileable_conv_decoder_matches_torch()
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(7);
        using var decoder = nn.Sequential(
            ("up", nn.ConvTranspose2d(8, 6, 4, stride: 2, padding: 1)),
            ("norm", nn.BatchNorm2d(6)),
            ("act", nn.LeakyReLU(0.2)),
            ("wrap", new CircularPad2d(1)),
            ("rgb", nn.Conv2d(6, 3, 3)),
            ("out", nn.Tanh()));
        decoder.train();
        for (int i = 0; i < 3; i++) decoder.forward(randn(4, 8, 4, 4));

        double diff = OnnxParity.MaxDiff(decoder, [8, 4, 4]);

        output.WriteLine($"PARITY tileable decoder: max |diff| = {diff:E2}");
        Assert.True(diff <= OnnxParity.Tolerance, $"max |onnx - torch| = {diff:E3}");
    }

    [Fact]
    public void Circular_pad_module_matches_torch_functional_pad()
    {
        using var scope = NewDisposeScope();
        Tensor x = arange(2 * 3 * 4 * 5, dtype: ScalarType.Float32).reshape(2, 3, 4, 5);
        using var pad = new CircularPad2d(2, 1, 1, 3);

        Tensor ours = pad.forward(x);
        Tensor reference = nn.functional.pad(x, [2, 1, 1, 3], PaddingModes.Circular);

        Assert.Equal(reference.shape, ours.shape);
        Assert.Equal(0.0, (ours - reference).abs().max().item<float>());
    }

    [Fact]
    public void Causal_attention_block_matches_torch_for_several_lengths()
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(11);
        using var attention = new TinyCausalSelfAttention(model: 8, heads: 2, maxLength: 6);
        attention.eval();
        var spec = OnnxExportSpec.Single(OnnxValueSpec.Float("x", OnnxDim.Batch, "T", 8), OnnxValueSpec.Float("y", OnnxDim.Batch, "T", 8));
        byte[] model = OnnxExporter.Export(attention, spec).ToBytes();

        double worst = 0;
        foreach ((long n, long t) in new[] { (1L, 6L), (3L, 4L), (3L, 1L) })
        {
            Tensor x = randn(n, t, 8);
            Tensor expected;
            using (no_grad()) expected = attention.forward(x);
            var (data, shape) = OrtRun.Run(model, ("x", x))[0];
            worst = Math.Max(worst, OnnxParity.Compare(expected, data, shape));
        }

        output.WriteLine($"PARITY causal attention: max |diff| = {worst:E2}");
        Assert.True(worst <= OnnxParity.Tolerance, $"max |onnx - torch| = {worst:E3}");
    }

    [Fact]
    public void Causal_mask_really_hides_the_future()
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(3);
        using var attention = new TinyCausalSelfAttention(model: 8, heads: 2, maxLength: 6);
        var spec = OnnxExportSpec.Single(OnnxValueSpec.Float("x", OnnxDim.Batch, "T", 8), OnnxValueSpec.Float("y", OnnxDim.Batch, "T", 8));
        byte[] model = OnnxExporter.Export(attention, spec).ToBytes();
        Tensor x = randn(1, 5, 8);
        Tensor changedLast = x.clone();
        changedLast[0, 4] = randn(8);

        float[] a = OrtRun.Run(model, ("x", x))[0].Data;
        float[] b = OrtRun.Run(model, ("x", changedLast))[0].Data;

        // Positions 0..3 must not see position 4; position 4 must.
        Assert.Equal(a[..32], b[..32]);
        Assert.NotEqual(a[32..], b[32..]);
    }

    [Fact]
    public void Two_input_conditioned_head_matches_torch()
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(5);
        using var head = new ConditionedHead(latent: 6, condition: 3, output: 4);
        var spec = new OnnxExportSpec(
            [OnnxValueSpec.Float("z", OnnxDim.Batch, 6), OnnxValueSpec.Float("c", OnnxDim.Batch, 3)],
            [OnnxValueSpec.Float("y", OnnxDim.Batch, 4)]);
        byte[] model = OnnxExporter.Export(head, spec).ToBytes();

        double worst = 0;
        foreach (long n in OnnxParity.Batches)
        {
            Tensor z = randn(n, 6), c = randn(n, 3) * 0.5;
            Tensor expected;
            using (no_grad()) expected = head.forward(z, c);
            var (data, shape) = OrtRun.Run(model, ("z", z), ("c", c))[0];
            worst = Math.Max(worst, OnnxParity.Compare(expected, data, shape));
        }

        output.WriteLine($"PARITY conditioned head: max |diff| = {worst:E2}");
        Assert.True(worst <= OnnxParity.Tolerance, $"max |onnx - torch| = {worst:E3}");
    }

    [Fact]
    public void Weight_reparametrised_layer_exports_its_effective_weight()
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(9);
        using var layer = new WeightNormLinear(6, 4);

        double diff = OnnxParity.MaxDiff(layer, [6]);

        output.WriteLine($"PARITY weight-norm linear: max |diff| = {diff:E2}");
        Assert.True(diff <= OnnxParity.Tolerance, $"max |onnx - torch| = {diff:E3}");
    }
}

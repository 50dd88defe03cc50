using GenWorld.Core.Sequences;
using GenWorld.Training.Export;
using GenWorld.Training.Prior;
using GenWorld.Training.Tests.Export;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GenWorld.Training.Tests.Prior;

/// <summary>Both whole priors through our exporter against their TorchSharp forward.</summary>
[Collection("Torch")]
public sealed class PriorExportTests(ITestOutputHelper output)
{
    [Fact]
    public void Whole_model_matches_torch_for_several_batches_and_lengths()
    {
        using var scope = NewDisposeScope();
        TorchSharp.torch.set_num_threads(1);
        TorchSharp.torch.manual_seed(21);
        using var model = new TransformerPrior(PriorFixtures.TinyTransformer());
        RandomiseNorms(model);
        model.eval();
        byte[] onnx = OnnxExporter.Export(model, PriorExport.Spec(model.Config)).ToBytes();

        double worst = 0;
        foreach ((long n, long t) in new[] { (1L, 1L), (1L, 16L), (3L, 7L), (2L, 16L) })
        {
            Tensor tokens = randint(0, NoteVocabulary.Size, [n, t], dtype: ScalarType.Int64);
            Tensor expected;
            using (no_grad()) expected = model.forward(tokens);
            var (data, shape) = OrtRun.Run(onnx, ("tokens", tokens))[0];
            worst = Math.Max(worst, OnnxParity.Compare(expected, data, shape));
        }

        output.WriteLine($"PARITY transformer prior: max |diff| = {worst:E2}");
        Assert.True(worst <= OnnxParity.Tolerance, $"max |onnx - torch| = {worst:E3}");
    }

    [Fact]
    public void Gru_baseline_matches_torch_with_the_same_signature()
    {
        using var scope = NewDisposeScope();
        TorchSharp.torch.set_num_threads(1);
        TorchSharp.torch.manual_seed(22);
        using var model = new GruPrior(PriorFixtures.TinyGru());
        model.eval();
        byte[] onnx = OnnxExporter.Export(model, PriorExport.Spec(model.Config)).ToBytes();

        double worst = 0;
        foreach ((long n, long t) in new[] { (1L, 1L), (3L, 9L) })
        {
            Tensor tokens = randint(0, NoteVocabulary.Size, [n, t], dtype: ScalarType.Int64);
            Tensor expected;
            using (no_grad()) expected = model.forward(tokens);
            var (data, shape) = OrtRun.Run(onnx, ("tokens", tokens))[0];
            worst = Math.Max(worst, OnnxParity.Compare(expected, data, shape));
        }

        output.WriteLine($"PARITY GRU prior: max |diff| = {worst:E2}");
        Assert.True(worst <= OnnxParity.Tolerance, $"max |onnx - torch| = {worst:E3}");
    }

    [Fact]
    public void Exported_logits_of_a_position_ignore_later_tokens()
    {
        using var scope = NewDisposeScope();
        TorchSharp.torch.manual_seed(4);
        using var model = new TransformerPrior(PriorFixtures.TinyTransformer());
        byte[] onnx = OnnxExporter.Export(model, PriorExport.Spec(model.Config)).ToBytes();
        Tensor tokens = randint(0, NoteVocabulary.Size, [1, 10], dtype: ScalarType.Int64);
        Tensor changed = tokens.clone();
        changed[0, 9] = (tokens[0, 9] + 1) % NoteVocabulary.Size;

        float[] a = OrtRun.Run(onnx, ("tokens", tokens))[0].Data;
        float[] b = OrtRun.Run(onnx, ("tokens", changed))[0].Data;

        int before = 9 * NoteVocabulary.Size;
        Assert.Equal(a[..before], b[..before]);
        Assert.NotEqual(a[before..], b[before..]);
    }

    // Fresh LayerNorms are ones/zeros, which would hide a scale/bias mix-up in the export.
    private static void RandomiseNorms(TransformerPrior model)
    {
        using var noGrad = no_grad();
        foreach ((string name, var p) in model.named_parameters())
            if (p.dim() == 1) p.uniform_(-0.5, 1.5);
    }
}

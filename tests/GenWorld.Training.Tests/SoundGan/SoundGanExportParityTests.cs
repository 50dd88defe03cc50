using GenWorld.Training.Export;
using GenWorld.Training.SoundGan;
using GenWorld.Training.Tests.Export;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GenWorld.Training.Tests.SoundGan;

[Collection("Torch")]
public sealed class SoundGanExportParityTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(SoundGeneratorKind.Harmonic)]
    [InlineData(SoundGeneratorKind.Spectrogram)]
    public void The_shipped_size_generator_matches_torch_through_onnx_runtime(SoundGeneratorKind kind)
    {
        using var scope = NewDisposeScope();
        manual_seed(31);
        // The notes-gan shape: 128 × 256, latent 64, pitch 24..96, 16 families.
        var config = new SoundGanConfig { Generator = kind, PitchMin = 24, PitchClasses = 73, LabelNames = [.. Enumerable.Range(0, 16).Select(i => $"f{i}")] };
        using var g = SoundGenerator.Create(config);
        g.eval();
        byte[] model = OnnxExporter.Export(g, SoundGanExporter.Spec(config)).ToBytes();
        var conditions = new[] { new SoundGanCondition(24, 0), new SoundGanCondition(60, 7), new SoundGanCondition(96, 15) };
        Tensor input = cat([randn(3, config.LatentSize), SoundGanCondition.OneHot(config, conditions)], 1);
        Tensor expected;
        using (no_grad()) expected = g.forward(input);
        var (data, shape) = OrtRun.Run(model, ("latent", input))[0];
        Assert.Equal([3L, 2, 128, 256], shape);
        double diff = OnnxParity.Compare(expected, data, shape);
        output.WriteLine($"PARITY {kind} sound generator 2x128x256 (N=3): max |diff| = {diff:E2}; onnx {model.Length / 1e6:F2} MB");
        Assert.True(diff <= OnnxParity.Tolerance, $"max |diff| {diff:E3}");
        Assert.True(model.Length < 20_000_000, $"generator.onnx is {model.Length} bytes");
    }
}

using GenWorld.Inference.Scheduling;

namespace GenWorld.Inference.Tests.Scheduling;

[Collection(OnnxRuntimeCollection.Name)]
public sealed class OrtBatchGeneratorTests
{
    // 2 latent values and 2 conditioning values -> 3 outputs.
    private static readonly float[] W = [1, 2, 3, -1, 0, 1];
    private static readonly float[] V = [10, 0, 0, 0, 20, 0];
    private static readonly OrtSessionFactory Factory = new(_ => { });
    private static readonly OrtSessionSettings Cpu = new(DevicePreference.Cpu, IntraOpThreads: 1);

    [Fact]
    public void Conditioning_goes_to_the_second_input()
    {
        using var generator = new OrtBatchGenerator(Factory.Open(OnnxSharpModels.Conditional(2, 2, 3, W, V), "cond", Cpu), "c1");
        Assert.Equal((2, 2, 3), (generator.LatentSize, generator.ConditioningSize, generator.OutputLength));

        float[][] y = generator.Generate([[1, 1], [1, 1]], [[1, 0], [0, 1]]);

        Assert.Equal([10, 2, 4], y[0]); // x·W = [0, 2, 4], plus c·V = [10, 0, 0]
        Assert.Equal([0, 22, 4], y[1]);
    }

    [Fact]
    public async Task Scheduler_keys_the_cache_by_conditioning_too()
    {
        using var scheduler = new InferenceScheduler(new OrtBatchGenerator(Factory.Open(OnnxSharpModels.Conditional(2, 2, 3, W, V), "cond", Cpu), "c1"));
        float[] a = await scheduler.RequestAsync([1, 1], [1, 0]);
        float[] b = await scheduler.RequestAsync([1, 1], [0, 1]);
        float[] c = await scheduler.RequestAsync([1, 1], [1, 0]);

        Assert.Equal([10, 2, 4], a);
        Assert.Equal([0, 22, 4], b);
        Assert.Equal(a, c);
        Assert.Equal(1, scheduler.Metrics().CacheHits);
        Assert.Contains("needs conditioning of 2 values", Assert.Throws<ArgumentException>(() => { _ = scheduler.RequestAsync([1, 1]); }).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fixed_batch_model_runs_in_chunks_and_trailing_dims_are_flattened()
    {
        using var generator = new OrtBatchGenerator(Factory.Open(OnnxSharpModels.Conditional(2, 0, 3, W, [], batch: 2, rank3Output: true), "fixed", Cpu), "f1");
        float[][] latents = [[1, 0], [0, 1], [1, 1], [2, 0], [0, 0]];

        float[][] y = generator.Generate(latents, []);

        Assert.Equal(3, generator.OutputLength);
        Assert.Equal(5, y.Length);
        for (int r = 0; r < 5; r++)
            Assert.Equal(OnnxSharpModels.Apply(latents[r], 2, 3, W, [0, 0, 0]), y[r]);
    }

    [Fact]
    public void A_model_with_too_many_inputs_is_refused_by_name()
    {
        byte[] three = Onnx3Inputs();
        using OrtSession session = Factory.Open(three, "three-inputs", Cpu);
        var e = Assert.Throws<InvalidModelException>(() => new OrtBatchGenerator(session, "x"));
        Assert.Contains("'three-inputs'", e.Message, StringComparison.Ordinal);
        Assert.Contains("has 3 inputs", e.Message, StringComparison.Ordinal);
    }

    private static byte[] Onnx3Inputs() =>
        new GenWorld.Inference.Onnx.OnnxGraphBuilder()
            .Input("a", -1, 2).Input("b", -1, 2).Input("c", -1, 2).Output("y", -1, 2)
            .Node("Add", ["a", "b"], ["ab"]).Node("Add", ["ab", "c"], ["y"])
            .ToBytes();
}

namespace GenWorld.Inference.Onnx;

/// <summary>Small models with known weights, for probes, benchmarks and tests: input "x" [N, D] → output "y" [N, L].</summary>
public static class TinyOnnxModels
{
    /// <summary>y = x·W + b, with W row-major [inputs, outputs].</summary>
    public static byte[] Linear(int inputs, int outputs, float[] weights, float[] bias) =>
        new OnnxGraphBuilder("linear")
            .Input("x", -1, inputs)
            .Output("y", -1, outputs)
            .Initializer("W", weights, inputs, outputs)
            .Initializer("B", bias, outputs)
            .Node("MatMul", ["x", "W"], ["xw"])
            .Node("Add", ["xw", "B"], ["y"])
            .ToBytes();

    /// <summary>
    /// y = tanh(x·W1 + b1)·W2 + b2 with seeded random weights: a stand-in generator with a realistic shape
    /// (small latent in, long output out) whose cost grows with hidden and output size.
    /// </summary>
    public static byte[] Mlp(int inputs, int hidden, int outputs, int seed, float outputBias = 0f)
    {
        var random = new Random(seed);
        float[] Weights(int n, int fanIn) =>
            Enumerable.Range(0, n).Select(_ => (float)((random.NextDouble() * 2 - 1) / Math.Sqrt(fanIn))).ToArray();
        return new OnnxGraphBuilder("mlp")
            .Input("x", -1, inputs)
            .Output("y", -1, outputs)
            .Initializer("W1", Weights(inputs * hidden, inputs), inputs, hidden)
            .Initializer("B1", new float[hidden], hidden)
            .Initializer("W2", Weights(hidden * outputs, hidden), hidden, outputs)
            .Initializer("B2", Enumerable.Repeat(outputBias, outputs).ToArray(), outputs)
            .Node("MatMul", ["x", "W1"], ["h0"])
            .Node("Add", ["h0", "B1"], ["h1"])
            .Node("Tanh", ["h1"], ["h"])
            .Node("MatMul", ["h", "W2"], ["y0"])
            .Node("Add", ["y0", "B2"], ["y"])
            .ToBytes();
    }
}

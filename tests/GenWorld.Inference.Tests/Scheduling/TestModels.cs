using GenWorld.Inference.Scheduling;

namespace GenWorld.Inference.Tests.Scheduling;

/// <summary>Tiny real ORT generators: y = x·W + b with 4 latent values and 3 outputs; versions differ by their bias.</summary>
internal static class TestModels
{
    public const int D = 4;
    public const int L = 3;
    public static readonly float[] W = [1, 0, -1, 0.5f, 2, 0, -0.25f, 0, 3, 1, 1, 1];

    public static float[] Bias(float offset) => [0.5f + offset, -1 + offset, 2 + offset];

    public static OrtBatchGenerator Linear(string version, float biasOffset = 0)
    {
        var factory = new OrtSessionFactory(_ => { });
        OrtSession session = factory.Open(OnnxSharpModels.LinearBytes(D, L, W, Bias(biasOffset)), version,
            new OrtSessionSettings(DevicePreference.Cpu, IntraOpThreads: 1));
        return new OrtBatchGenerator(session, version);
    }

    public static RecordingGenerator Recording(string version, float biasOffset = 0) => new(Linear(version, biasOffset));

    /// <summary>What the model must return for <paramref name="latent"/>.</summary>
    public static float[] Expected(float[] latent, float biasOffset = 0) => OnnxSharpModels.Apply(latent, D, L, W, Bias(biasOffset));

    /// <summary>Distinct latents on a 1/64 grid (exact under the scheduler's quantisation).</summary>
    public static float[] Latent(int i) => [(i % 17) / 8f, (i / 17 % 13) / 16f, (i / 221 % 11) / 32f, (i / 2431) / 64f - 1];

    public static void AssertClose(float[] expected, float[] actual, float tolerance = 1e-4f)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(MathF.Abs(expected[i] - actual[i]) <= tolerance, $"[{i}]: expected {expected[i]}, got {actual[i]}");
    }

    /// <summary>Polls until <paramref name="condition"/> holds; a generous bound that only catches hangs.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"timed out waiting for {what}");
            await Task.Delay(5);
        }
    }
}

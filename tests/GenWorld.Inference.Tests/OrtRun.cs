using Microsoft.ML.OnnxRuntime;

namespace GenWorld.Inference.Tests;

/// <summary>Runs a one-input, one-output float model directly through ORT (no scheduler in between).</summary>
internal static class OrtRun
{
    public static float[] Run(InferenceSession session, float[] x, int rows, int width)
    {
        using var input = OrtValue.CreateTensorValueFromMemory(x, [rows, width]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [session.InputNames[0]], [input], [session.OutputNames[0]]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }
}

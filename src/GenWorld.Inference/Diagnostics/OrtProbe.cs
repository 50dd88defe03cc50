using GenWorld.Core.Diagnostics;
using GenWorld.Inference.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace GenWorld.Inference.Diagnostics;

/// <summary>ONNX Runtime rows for <c>genworld info</c>: version, compiled-in providers, and which ones really start and compute.</summary>
public static class OrtProbe
{
    private const string Area = "ONNX Runtime";

    // y = x·W + b for a 2x3 W: x = [1, 2] must give [1*1+2*4+0.5, 1*2+2*5-0.5, 1*3+2*6+1] = [9.5, 11.5, 16].
    private static readonly float[] ProbeWeights = [1, 2, 3, 4, 5, 6];
    private static readonly float[] ProbeBias = [0.5f, -0.5f, 1f];
    private static readonly float[] ProbeInput = [1, 2];
    private static readonly float[] ProbeExpected = [9.5f, 11.5f, 16f];

    /// <summary>Runs the checks; never throws (failures become rows with Ok = false).</summary>
    public static IReadOnlyList<ProbeResult> Run()
    {
        var rows = new List<ProbeResult>();
        try
        {
            OrtEnv env = OrtEnvironment.Get();
            rows.Add(new(Area, "version", env.GetVersionString(), true));
            rows.Add(new(Area, "providers (built in)", string.Join(", ", env.GetAvailableProviders()), true));
        }
        catch (Exception e)
        {
            rows.Add(new(Area, "version", $"failed to load: {OrtSessionFactory.OneLine(e.GetBaseException())}", false));
            return rows;
        }
        rows.Add(TrySession("CPU session", DevicePreference.Cpu));
        rows.Add(TrySession("CUDA session", DevicePreference.Cuda));
        return rows;
    }

    private static ProbeResult TrySession(string name, DevicePreference preference)
    {
        try
        {
            byte[] model = TinyOnnxModels.Linear(2, 3, ProbeWeights, ProbeBias);
            using OrtSession session = new OrtSessionFactory(log: _ => { })
                .Open(model, "probe-linear", new OrtSessionSettings(preference, IntraOpThreads: 1));
            if (preference == DevicePreference.Cuda && session.Device != ExecutionDevice.Cuda)
                return new(Area, name, $"not available: {session.CudaFailure}", false);
            float[] y = RunOnce(session.Session);
            bool right = y.Length == 3 && y.Zip(ProbeExpected).All(p => MathF.Abs(p.First - p.Second) < 1e-4f);
            return right
                ? new(Area, name, $"ok on {session.Device}: 2x3 linear model gave the expected numbers", true)
                : new(Area, name, $"wrong numbers on {session.Device}: [{string.Join(", ", y)}], expected [{string.Join(", ", ProbeExpected)}]", false);
        }
        catch (Exception e)
        {
            return new(Area, name, $"failed: {OrtSessionFactory.OneLine(e.GetBaseException())}", false);
        }
    }

    private static float[] RunOnce(InferenceSession session)
    {
        using var input = OrtValue.CreateTensorValueFromMemory((float[])ProbeInput.Clone(), [1, 2]);
        using var runOptions = new RunOptions();
        using IDisposableReadOnlyCollection<OrtValue> outputs = session.Run(runOptions, ["x"], [input], ["y"]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }
}

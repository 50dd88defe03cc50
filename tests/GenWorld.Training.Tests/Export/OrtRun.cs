using Microsoft.ML.OnnxRuntime;
using static TorchSharp.torch;

namespace GenWorld.Training.Tests.Export;

/// <summary>Runs exported ONNX bytes on the ONNX Runtime CPU provider with TorchSharp tensors as inputs.</summary>
internal static class OrtRun
{
    public static (float[] Data, long[] Shape)[] Run(byte[] model, params (string Name, Tensor Value)[] inputs)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        using var session = new InferenceSession(model, options);
        var values = new List<OrtValue>();
        try
        {
            foreach ((_, Tensor value) in inputs)
                values.Add(ToOrt(value));
            using var runOptions = new RunOptions();
            var outputNames = session.OutputNames;
            using var results = session.Run(runOptions, inputs.Select(i => i.Name).ToArray(), values, outputNames);
            return [.. results.Select(r => (r.GetTensorDataAsSpan<float>().ToArray(), r.GetTensorTypeAndShape().Shape))];
        }
        finally
        {
            foreach (OrtValue v in values) v.Dispose();
        }
    }

    private static OrtValue ToOrt(Tensor value)
    {
        var cpu = value.detach().cpu().contiguous();
        return cpu.dtype == ScalarType.Int64
            ? OrtValue.CreateTensorValueFromMemory(cpu.data<long>().ToArray(), cpu.shape)
            : OrtValue.CreateTensorValueFromMemory(cpu.to_type(ScalarType.Float32).data<float>().ToArray(), cpu.shape);
    }
}

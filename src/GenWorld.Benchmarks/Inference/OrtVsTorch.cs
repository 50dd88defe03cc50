using GenWorld.Inference;
using Microsoft.ML.OnnxRuntime;
using TorchSharp;
using static TorchSharp.torch;

namespace GenWorld.Benchmarks.Inference;

/// <summary>
/// One model, two engines, same weights and inputs: ONNX Runtime (CPU provider) against the TorchSharp eager forward,
/// after a parity check. Thread counts are set per engine (ORT intra-op threads, torch.set_num_threads).
/// </summary>
internal sealed class OrtVsTorch(string onnxPath, nn.Module<Tensor, Tensor> torchModel, Func<int, long[]> inputShape)
{
    /// <summary>Largest |ORT − TorchSharp| over one batch of seeded inputs; throws when they disagree beyond <paramref name="tolerance"/>.</summary>
    public double Parity(int batch, double tolerance)
    {
        float[] input = Input(batch);
        using OrtSession session = Open(threads: 0);
        float[] ort = RunOrt(session, input, batch, copyOut: true)!;
        float[] torch = RunTorch(input, batch, copyOut: true)!;
        double worst = ort.Zip(torch).Max(p => Math.Abs(p.First - p.Second));
        if (ort.Length != torch.Length || !(worst <= tolerance))
            throw new InvalidOperationException($"{onnxPath}: ONNX Runtime and TorchSharp disagree (max |Δ| {worst:G3}, {ort.Length} vs {torch.Length} values); timing them would be meaningless.");
        return worst;
    }

    /// <summary>
    /// Median seconds per batch for each engine at <paramref name="threads"/> threads (0: all cores); at one thread both
    /// run on the calling thread, so its CPU time is measured (robust when other processes share the cores), else wall time.
    /// </summary>
    public (double Ort, double Torch) Time(int batch, int threads, double budgetSeconds)
    {
        float[] input = Input(batch);
        double ort;
        using (OrtSession session = Open(threads))
            ort = MedianTimer.Seconds(() => RunOrt(session, input, batch, copyOut: false), budgetSeconds, threadCpu: threads == 1);
        int previous = torch.get_num_threads();
        torch.set_num_threads(threads == 0 ? Environment.ProcessorCount : threads);
        try
        {
            double eager = MedianTimer.Seconds(() => RunTorch(input, batch, copyOut: false), budgetSeconds, threadCpu: threads == 1);
            return (ort, eager);
        }
        finally
        {
            torch.set_num_threads(previous);
        }
    }

    private float[] Input(int batch)
    {
        long count = inputShape(batch).Aggregate(1L, (a, b) => a * b);
        var random = new Random(batch);
        return [.. Enumerable.Range(0, (int)count).Select(_ => (float)(random.NextDouble() * 2 - 1))];
    }

    private OrtSession Open(int threads) =>
        new OrtSessionFactory(_ => { }).Open(onnxPath, new OrtSessionSettings(DevicePreference.Cpu, IntraOpThreads: threads));

    private float[]? RunOrt(OrtSession session, float[] input, int batch, bool copyOut)
    {
        using OrtValue value = OrtValue.CreateTensorValueFromMemory(input, inputShape(batch));
        using var runOptions = new RunOptions();
        using var results = session.Session.Run(runOptions, [session.Session.InputNames[0]], [value], [session.Session.OutputNames[0]]);
        return copyOut ? results[0].GetTensorDataAsSpan<float>().ToArray() : null;
    }

    private float[]? RunTorch(float[] input, int batch, bool copyOut)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Tensor output = torchModel.forward(tensor(input, inputShape(batch)));
        return copyOut ? output.contiguous().data<float>().ToArray() : null;
    }
}

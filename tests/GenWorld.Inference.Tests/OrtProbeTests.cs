using GenWorld.Core.Diagnostics;
using GenWorld.Inference.Diagnostics;

namespace GenWorld.Inference.Tests;

[Collection(OnnxRuntimeCollection.Name)]
public sealed class OrtProbeTests
{
    [Fact]
    public void Probe_reports_version_providers_and_a_computing_cpu_session()
    {
        IReadOnlyList<ProbeResult> rows = OrtProbe.Run();

        Assert.All(rows, r => Assert.Equal("ONNX Runtime", r.Area));
        Assert.StartsWith("1.31", rows.Single(r => r.Name == "version").Value, StringComparison.Ordinal);
        string providers = rows.Single(r => r.Name == "providers (built in)").Value;
        Assert.Contains("CPUExecutionProvider", providers, StringComparison.Ordinal);
        Assert.Contains("CUDAExecutionProvider", providers, StringComparison.Ordinal); // the GPU package compiles it in
        ProbeResult cpu = rows.Single(r => r.Name == "CPU session");
        Assert.True(cpu.Ok, cpu.Value);
        Assert.Contains("expected numbers", cpu.Value, StringComparison.Ordinal);
        ProbeResult cuda = rows.Single(r => r.Name == "CUDA session");
        Assert.True(cuda.Ok ? cuda.Value.StartsWith("ok on Cuda", StringComparison.Ordinal) : cuda.Value.StartsWith("not available: ", StringComparison.Ordinal), cuda.Value);
    }
}

using System.Reflection;
using GenWorld.Core.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace GenWorld.Training.Diagnostics;

/// <summary>Checks that TorchSharp's native stack loads and computes (the GLIBCXX fix in the build is what makes it load on Debian 12).</summary>
public static class TorchProbe
{
    /// <summary>The TorchSharp managed version, e.g. 0.107.0.</summary>
    public static string TorchSharpVersion =>
        typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(torch).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>Runs a matrix product and one SGD step; reports versions and the outcome.</summary>
    public static IReadOnlyList<ProbeResult> Run()
    {
        var rows = new List<ProbeResult> { new("TorchSharp", "TorchSharp", TorchSharpVersion, true) };
        try
        {
            rows.Add(new("TorchSharp", "libtorch", torch.__version__, true));
            rows.Add(new("TorchSharp", "tensor op", CheckTensorOp(), true));
            rows.Add(new("TorchSharp", "threads", torch.get_num_threads().ToString(System.Globalization.CultureInfo.InvariantCulture), true));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            rows.Add(new("TorchSharp", "tensor op", $"failed: {e.GetBaseException().Message}", false));
        }
        return rows;
    }

    /// <summary>2x2 matrix product checked against the known answer.</summary>
    public static string CheckTensorOp()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new float[] { 1, 2, 3, 4 }, 2, 2);
        var b = tensor(new float[] { 5, 6, 7, 8 }, 2, 2);
        float[] product = a.matmul(b).data<float>().ToArray();
        bool right = product.SequenceEqual(new float[] { 19, 22, 43, 50 });
        if (!right) throw new InvalidOperationException($"matmul gave [{string.Join(", ", product)}], expected [19, 22, 43, 50]");
        return "matmul ok (CPU)";
    }
}

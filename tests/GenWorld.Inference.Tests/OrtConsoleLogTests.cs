namespace GenWorld.Inference.Tests;

/// <summary>The CUDA fallback once per process, in one short line; everything with --verbose.</summary>
[Collection(OnnxRuntimeCollection.Name)]
public sealed class OrtConsoleLogTests
{
    private const string Fallback = "onnxruntime: '/m/decoder.onnx' on CPU (CUDA did not start: [ErrorCode:Fail] OrtSessionOptionsAppendExecutionProvider_Cuda: " +
                                    "Failed to load shared library (libcublasLt.so.13: cannot open shared object file: No such file or directory))";

    [Fact]
    public void The_library_reason_is_shortened_to_the_missing_file()
    {
        Assert.Equal("libcublasLt.so.13 missing", OrtConsoleLog.Short(Fallback));
        Assert.Equal("driver too old", OrtConsoleLog.Short("driver too old"));
    }

    [Fact]
    public void Plain_cpu_lines_are_quiet_other_lines_pass_and_verbose_passes_everything()
    {
        var lines = new List<string>();
        Action<string> previous = OrtConsoleLog.Writer;
        OrtConsoleLog.Writer = lines.Add;
        try
        {
            OrtConsoleLog.Line("onnxruntime: '/m/encoder.onnx' on CPU");
            OrtConsoleLog.Line("world: swapped in my-notes version 2");
            Assert.Equal(["world: swapped in my-notes version 2"], lines);
            OrtConsoleLog.Verbose = true;
            OrtConsoleLog.Line(Fallback);
            Assert.Equal(Fallback, lines[^1]);
        }
        finally
        {
            OrtConsoleLog.Verbose = false;
            OrtConsoleLog.Writer = previous;
        }
    }
}

namespace GenWorld.Inference.Tests;

[Collection(OnnxRuntimeCollection.Name)]
public sealed class OrtSessionFactoryTests : IDisposable
{
    // 4 inputs -> 3 outputs with distinct, exactly representable weights.
    private static readonly float[] W = [1, 0, -1, 0.5f, 2, 0, -0.25f, 0, 3, 1, 1, 1];
    private static readonly float[] B = [0.5f, -1, 2];
    private static readonly float[] X = [1, 2, 3, 4, -1, 0.5f, 0, 2, 0, 0, 0, 0];
    private readonly string _dir = Directory.CreateTempSubdirectory("genworld-ort-").FullName;
    private readonly List<string> _log = [];

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Linear_model_runs_on_cpu_with_the_right_numbers()
    {
        byte[] model = OnnxSharpModels.LinearBytes(4, 3, W, B);
        using OrtSession session = new OrtSessionFactory(_log.Add).Open(model, "linear", new OrtSessionSettings(DevicePreference.Cpu));

        float[] y = OrtRun.Run(session.Session, X, rows: 3, width: 4);

        Assert.Equal(ExecutionDevice.Cpu, session.Device);
        Assert.Null(session.CudaFailure);
        float[] expected = OnnxSharpModels.Apply(X, 4, 3, W, B);
        Assert.Equal([5.75f, 7, 14, 1.75f, 2, 5, 0.5f, -1, 2], expected); // hand-checked reference
        Assert.Equal(expected.Length, y.Length);
        for (int i = 0; i < y.Length; i++) Assert.Equal(expected[i], y[i], 1e-5f);
        Assert.Equal("onnxruntime: 'linear' on CPU", Assert.Single(_log));
    }

    [Theory]
    [InlineData(DevicePreference.Cuda)]
    [InlineData(DevicePreference.Auto)]
    public void Asking_for_cuda_gives_a_working_session_and_says_which_device(DevicePreference preference)
    {
        byte[] model = OnnxSharpModels.LinearBytes(4, 3, W, B);
        using OrtSession session = new OrtSessionFactory(_log.Add).Open(model, "linear", new OrtSessionSettings(preference));

        float[] y = OrtRun.Run(session.Session, X, rows: 3, width: 4);

        Assert.Equal(OnnxSharpModels.Apply(X, 4, 3, W, B), y, (a, b) => MathF.Abs(a - b) < 1e-4f);
        string line = Assert.Single(_log);
        if (session.Device == ExecutionDevice.Cuda)
        {
            Assert.Null(session.CudaFailure);
            Assert.Contains("on CUDA device 0", line, StringComparison.Ordinal);
        }
        else
        {
            // The no-GPU machine: CPU session, the reason kept on one line and repeated in the log.
            Assert.False(string.IsNullOrWhiteSpace(session.CudaFailure));
            Assert.DoesNotContain('\n', session.CudaFailure);
            Assert.Contains("on CPU", line, StringComparison.Ordinal);
            Assert.Contains(session.CudaFailure!, line, StringComparison.Ordinal);
            if (session.CudaFailure!.Contains("Failed to load shared library", StringComparison.Ordinal))
                Assert.Matches(@"\(lib[\w.+-]+\.so[\w.]*: ", session.CudaFailure); // the loader's words name the missing library
        }
    }

    [Fact]
    public void Model_file_opens_by_path()
    {
        string path = Path.Combine(_dir, "linear.onnx");
        File.WriteAllBytes(path, OnnxSharpModels.LinearBytes(4, 3, W, B));
        using OrtSession session = new OrtSessionFactory(_log.Add).Open(path, new OrtSessionSettings(DevicePreference.Cpu, IntraOpThreads: 1));

        Assert.Equal(path, session.ModelName);
        Assert.Equal(OnnxSharpModels.Apply(X, 4, 3, W, B), OrtRun.Run(session.Session, X, 3, 4), (a, b) => MathF.Abs(a - b) < 1e-5f);
    }

    [Fact]
    public void Missing_file_is_named()
    {
        string path = Path.Combine(_dir, "nope.onnx");
        var e = Assert.Throws<FileNotFoundException>(() => new OrtSessionFactory(_log.Add).Open(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Empty(_log);
    }

    [Fact]
    public void Empty_file_is_named()
    {
        string path = Path.Combine(_dir, "empty.onnx");
        File.WriteAllBytes(path, []);
        var e = Assert.Throws<InvalidModelException>(() => new OrtSessionFactory(_log.Add).Open(path));
        Assert.Equal(path, e.ModelName);
        Assert.Contains("empty", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_file_is_named_and_not_blamed_on_the_device()
    {
        byte[] model = OnnxSharpModels.LinearBytes(4, 3, W, B);
        string path = Path.Combine(_dir, "truncated.onnx");
        File.WriteAllBytes(path, model[..(model.Length / 2)]);

        var e = Assert.Throws<InvalidModelException>(() => new OrtSessionFactory(_log.Add).Open(path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Empty(_log); // no "on CPU" line for a session that never opened
    }

    [Fact]
    public void Bytes_that_are_not_a_model_are_named()
    {
        byte[] garbage = System.Text.Encoding.UTF8.GetBytes("this is a text file, not a protobuf ModelProto \u00ff\u00fe");
        var e = Assert.Throws<InvalidModelException>(() =>
            new OrtSessionFactory(_log.Add).Open(garbage, "notes.txt", new OrtSessionSettings(DevicePreference.Auto)));
        Assert.Equal("notes.txt", e.ModelName);
        Assert.StartsWith("'notes.txt' is not a loadable ONNX model:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_settings_name_the_field()
    {
        byte[] model = OnnxSharpModels.LinearBytes(4, 3, W, B);
        var e = Assert.Throws<ArgumentException>(() =>
            new OrtSessionFactory(_log.Add).Open(model, "linear", new OrtSessionSettings(IntraOpThreads: -2)));
        Assert.Contains("IntraOpThreads = -2", e.Message, StringComparison.Ordinal);
    }
}

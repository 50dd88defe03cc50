namespace GenWorld.Cli.Tests;

/// <summary>The player as a user's shell or a CI log sees it: output redirected, no GPU here.</summary>
[Collection("Native")]
public sealed class ConsoleMannersTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("genworld-manners-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task The_cuda_fallback_is_at_most_one_line_per_process_and_verbose_gives_every_session()
    {
        string model = Path.Combine(PlayerProcess.RepoRoot, "models", "notes-vae");
        string[] args = ["generate", "sound", "--model", model, "--pitch", "60", "--count", "2", "--out", _dir];
        (int code, _, string errors) = await PlayerProcess.Launch(args);
        Assert.Equal(0, code);
        Assert.True(CudaLines(errors) <= 1, errors);
        (code, _, errors) = await PlayerProcess.Launch([.. args, "--verbose"]);
        Assert.Equal(0, code);
        Assert.Contains("onnxruntime: '", errors, StringComparison.Ordinal); // one line per session, with its file
    }

    [Fact]
    public async Task Help_lists_the_tools_verbs_and_the_launcher_verbs_too()
    {
        (int code, string output, _) = await PlayerProcess.Launch(["--help"]);
        Assert.Equal(0, code);
        foreach (string verb in new[] { "demo", "explore", "render", "generate", "compose", "info", "field", "train", "serve", "studio", "export", "dataset", "evaluate", "test", "bench" })
            Assert.Contains($"\n  {verb} ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redirected_tables_are_not_wrapped_at_80_columns()
    {
        (int code, string output, _) = await PlayerProcess.Launch(["info"]);
        Assert.Equal(0, code);
        int widest = output.Split('\n').Max(l => l.TrimEnd().Length);
        Assert.True(widest > 100, $"widest line {widest} columns:\n{output}");
    }

    private static int CudaLines(string text) => text.Split('\n').Count(l => l.Contains("CUDA", StringComparison.Ordinal));
}

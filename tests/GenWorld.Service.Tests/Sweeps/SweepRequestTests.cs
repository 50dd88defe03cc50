using System.Net;
using System.Text;
using GenWorld.Service.Executors;

namespace GenWorld.Service.Tests.Sweeps;

/// <summary>What POST /jobs says about sweeps and the Slurm settings before anything is submitted (no cluster needed).</summary>
[Collection("Service")]
public sealed class SweepRequestTests : IDisposable
{
    private readonly TestData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_local_service_refuses_a_sweep_saying_it_needs_the_slurm_executor()
    {
        await using TestService service = await TestService.StartAsync(_data.Options());
        string body = TestData.Json(new { kind = "sound-vae", dataset = "notes", steps = 5, sweep = new { grid = new { latentSize = new[] { 2, 4 } } } });
        using HttpResponseMessage response = await service.Http.PostAsync("jobs", new StringContent(body, Encoding.UTF8, "application/json"));
        string text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("sweeps run as Slurm array jobs, so start it with --executor slurm", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slurm_service_refuses_a_wrong_sweep_naming_the_field()
    {
        ServiceOptions options = _data.Options() with { Executor = ExecutorKind.Slurm, Slurm = new SlurmSettings { ToolsCommand = ["genworld-tools"] } };
        await using TestService service = await TestService.StartAsync(options);
        string body = TestData.Json(new { kind = "texture-gan", dataset = "textures", steps = 5, sweep = new { grid = new { learningRate = new[] { 1e-3, 2e-3 } } } });
        using HttpResponseMessage response = await service.Http.PostAsync("jobs", new StringContent(body, Encoding.UTF8, "application/json"));
        string text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("sweep.rankBy: texture-gan has no single held-out figure", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_slurm_settings_are_refused_at_start_naming_the_option()
    {
        ServiceOptions options = _data.Options() with
        {
            Executor = ExecutorKind.Slurm,
            Slurm = new SlurmSettings { TimeLimit = "two hours", Partition = "gpu;rm -rf", Gpus = -1, ConfFile = Path.Combine(_data.Root, "missing.conf") },
        };
        IReadOnlyList<string> problems = options.Validate();
        Assert.Contains(problems, p => p.StartsWith("--slurm-time: 'two hours'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("--slurm-partition:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("--slurm-gpus:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("--slurm-conf:", StringComparison.Ordinal));
        Assert.Empty((_data.Options() with { Slurm = options.Slurm }).Validate()); // only checked when the executor is slurm
    }
}

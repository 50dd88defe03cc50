using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace GenWorld.Service.Tests.Slurm;

/// <summary>
/// The price of going through Slurm: the same job (same kind, data, steps and seed) submitted to a local-executor service
/// and to a Slurm-executor service, each timed from POST to "succeeded" (training, export and publishing included).
/// The figures go to the test output (the README quotes them); the test checks both jobs did the same work.
/// </summary>
[Collection("Service")]
public sealed class SlurmOverheadTests(SlurmCluster cluster, ITestOutputHelper output) : IClassFixture<SlurmCluster>, IDisposable
{
    private const int Steps = 100;
    private readonly TestData _data = new();

    public void Dispose() => _data.Dispose();

    [SlurmFact]
    public async Task The_same_job_through_slurm_and_locally_does_the_same_steps_and_the_overhead_is_reported()
    {
        (double local, JsonElement localJob) = await TimeAsync(_data.Options(), "local");
        (double slurm, JsonElement slurmJob) = await TimeAsync(SlurmTestService.Options(_data, cluster), "slurm");
        Assert.Equal(Steps, localJob.GetProperty("step").GetInt64());
        Assert.Equal(Steps, slurmJob.GetProperty("step").GetInt64());
        Assert.Equal(localJob.GetProperty("hyperparameters").ToString(), slurmJob.GetProperty("hyperparameters").ToString());
        output.WriteLine($"OVERHEAD: sound-vae (tiny), {Steps} steps, POST to published: local {local:F1} s, slurm {slurm:F1} s, overhead {slurm - local:F1} s");
    }

    private async Task<(double Seconds, JsonElement Job)> TimeAsync(ServiceOptions options, string name)
    {
        await using TestService service = await TestService.StartAsync(options);
        var clock = Stopwatch.StartNew();
        string id = (await TestService.SubmitAsync(service.Http, new
        {
            kind = "sound-vae", dataset = "notes", name, steps = Steps, hyperparameters = TestData.TinySoundVae,
        })).GetProperty("id").GetString()!;
        JsonElement job = await TestService.WaitAsync(service.Http, id, TestService.Finished, 300, output);
        double seconds = clock.Elapsed.TotalSeconds;
        Assert.True(job.GetProperty("state").GetString() == "succeeded", job.ToString());
        return (seconds, job);
    }
}

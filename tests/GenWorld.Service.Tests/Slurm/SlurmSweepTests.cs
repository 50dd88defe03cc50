using System.Text.Json;
using GenWorld.Core.Models;
using GenWorld.Service.Publishing;
using Xunit.Abstractions;

namespace GenWorld.Service.Tests.Slurm;

/// <summary>Sweeps through a real one-node Slurm cluster: one array job, runs ranked by their held-out figure, the best published with a report.</summary>
[Collection("Service")]
public sealed class SlurmSweepTests(SlurmCluster cluster, ITestOutputHelper output) : IClassFixture<SlurmCluster>, IDisposable
{
    private readonly TestData _data = new();

    public void Dispose() => _data.Dispose();

    [SlurmFact]
    public async Task A_four_run_grid_sweep_is_one_array_job_whose_best_run_is_published_with_a_report()
    {
        await using TestService service = await TestService.StartAsync(SlurmTestService.Options(_data, cluster));
        JsonElement submitted = await TestService.SubmitAsync(service.Http, new
        {
            kind = "sound-vae", dataset = "notes", name = "swept", steps = 30, hyperparameters = TestData.TinySoundVae,
            sweep = new { grid = new Dictionary<string, double[]> { ["latentSize"] = [2, 4], ["learningRate"] = [1e-3, 3e-3] } },
        });
        string id = submitted.GetProperty("id").GetString()!;
        Assert.Equal(4, submitted.GetProperty("sweep").GetProperty("runs").GetArrayLength());

        JsonElement job = await TestService.WaitAsync(service.Http, id, TestService.Finished, 300, output);
        Assert.True(job.GetProperty("state").GetString() == "succeeded", $"{job}\n{cluster.Logs()}");
        Assert.Contains(job.GetProperty("log").EnumerateArray(), l => l.GetString() == $"Submitted as Slurm job {SlurmJobId(id)} (an array of 4 runs).");

        // Every run finished and is ranked; rank 1 has the lowest held-out spectral distance.
        JsonElement[] runs = [.. job.GetProperty("sweepRuns").EnumerateArray()];
        Assert.Equal(4, runs.Length);
        Assert.All(runs, r => Assert.Equal("succeeded", r.GetProperty("state").GetString()));
        Assert.All(runs, r => Assert.Equal(30, r.GetProperty("steps").GetInt64()));
        Assert.Equal([1, 2, 3, 4], runs.Select(r => r.GetProperty("rank").GetInt32()).Order());
        double[] figures = [.. runs.Select(r => r.GetProperty("figure").GetDouble())];
        JsonElement best = runs.Single(r => r.GetProperty("rank").GetInt32() == 1);
        Assert.Equal(figures.Min(), best.GetProperty("figure").GetDouble());
        Assert.Equal(4, runs.Select(r => (r.GetProperty("hyperparameters").GetProperty("latentSize").GetDouble(), r.GetProperty("hyperparameters").GetProperty("learningRate").GetDouble())).Distinct().Count());

        // The best run alone is published, by the service, and the version's report is that run's.
        Assert.Equal("swept/1", job.GetProperty("model").GetString());
        Assert.Equal("swept/1", best.GetProperty("model").GetString());
        Assert.Equal([1], ModelVersions.List(Path.Combine(_data.Models, "swept")));
        PublishedVersion version = new ModelPublisher(_data.Models).Find("swept")!;
        Assert.Equal(id, version.Source!.JobId);
        Assert.Contains(Path.Combine("runs", best.GetProperty("index").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), "checkpoints"), version.Source.Checkpoint, StringComparison.Ordinal);
        Assert.Equal(best.GetProperty("figure").GetDouble(), job.GetProperty("metrics").GetProperty("heldOutSpectralDistance").GetDouble());

        // The report: sweep.json (the same table) and sweep.png, served with the previews.
        string runDir = Path.Combine(_data.Root, "shared", id, "run");
        using JsonDocument report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(runDir, "sweep.json")));
        Assert.Equal("heldOutSpectralDistance", report.RootElement.GetProperty("rankBy").GetString());
        Assert.Equal(4, report.RootElement.GetProperty("runs").GetArrayLength());
        Assert.Contains(job.GetProperty("previews").EnumerateArray(), p => p.GetString() == $"/jobs/{id}/previews/sweep.png");
        byte[] png = await service.Http.GetByteArrayAsync($"jobs/{id}/previews/sweep.png");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        output.WriteLine($"SWEEP: {string.Join("; ", runs.Select(r => $"run {r.GetProperty("index")} {r.GetProperty("hyperparameters")} -> {r.GetProperty("figure").GetDouble():G5} (rank {r.GetProperty("rank")})"))}");
    }

    private string SlurmJobId(string id)
    {
        using JsonDocument submissions = JsonDocument.Parse(File.ReadAllText(Path.Combine(_data.Root, "shared", id, "slurm.json")));
        return submissions.RootElement.GetProperty("jobIds")[0].GetString()!;
    }
}

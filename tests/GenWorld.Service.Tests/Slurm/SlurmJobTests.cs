using System.Collections.Concurrent;
using System.Text.Json;
using GenWorld.Core.Models;
using GenWorld.Service.Client;
using GenWorld.Training.Runs;
using Xunit.Abstractions;

namespace GenWorld.Service.Tests.Slurm;

/// <summary>Jobs through a real one-node Slurm cluster: progress from the node, kill -9 of the trainer and resume, cancel, publish.</summary>
[Collection("Service")]
public sealed class SlurmJobTests(SlurmCluster cluster, ITestOutputHelper output) : IClassFixture<SlurmCluster>, IDisposable
{
    private readonly TestData _data = new();

    public void Dispose() => _data.Dispose();

    [SlurmFact]
    public async Task A_job_streams_progress_from_its_node_resumes_after_its_trainer_is_killed_and_is_published()
    {
        await using TestService service = await TestService.StartAsync(SlurmTestService.Options(_data, cluster));
        string id = (await TestService.SubmitAsync(service.Http, new
        {
            kind = "sound-vae", dataset = "notes", name = "on-slurm", steps = 120, checkpointEverySteps = 10, hyperparameters = TestData.TinySoundVae,
        })).GetProperty("id").GetString()!;
        var events = new ConcurrentQueue<ServiceEvent>();
        using var client = new ServiceClient(service.BaseUrl);
        Task listen = Task.Run(async () => { await foreach (ServiceEvent e in client.EventsAsync(id)) events.Enqueue(e); });

        // Progress the service read from the node's progress.jsonl, and a checkpoint past step 0 on the shared disk.
        string runDir = Path.Combine(_data.Root, "shared", id, "run");
        await TestService.WaitAsync(service.Http, id, j => j.GetProperty("step").GetInt64() >= 25
            && new CheckpointStore(runDir).LatestDirectory() is { } c && CheckpointStore.Inspect(c).Step >= 20, 180, output);
        int pid = TrainerProcess.Find(id) ?? throw new InvalidOperationException("the trainer process was not found");
        TrainerProcess.Kill(pid);
        long checkpointStep = CheckpointStore.Inspect(new CheckpointStore(runDir).LatestDirectory()!).Step;

        JsonElement job = await TestService.WaitAsync(service.Http, id, TestService.Finished, 240, output);
        await listen.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(job.GetProperty("state").GetString() == "succeeded", $"{job}\n{cluster.Logs()}");
        Assert.Equal(120, job.GetProperty("step").GetInt64());
        Assert.Equal("on-slurm/1", job.GetProperty("model").GetString());
        long resumed = Assert.Single(job.GetProperty("resumedFromSteps").EnumerateArray()).GetInt64();
        Assert.InRange(resumed, checkpointStep, 119);
        string log = string.Join("\n", job.GetProperty("log").EnumerateArray().Select(l => l.GetString()));
        Assert.Contains("resubmitted as Slurm job", log, StringComparison.Ordinal);

        // The same SSE events as a local job: progress from the node's file, the log, the final state.
        Assert.Contains(events, e => e.Type == "progress" && e.Data.GetProperty("step").GetInt64() > 0);
        Assert.Contains(events, e => e.Type == "log" && e.Data.GetProperty("message").GetString()!.StartsWith("Resuming from checkpoint step", StringComparison.Ordinal));
        Assert.Equal("succeeded", events.Last(e => e.Type == "state").Data.GetProperty("state").GetString());
        Assert.Contains(job.GetProperty("previews").EnumerateArray(), p => p.GetString()!.EndsWith("curves.png", StringComparison.Ordinal));

        // Published by the service, atomically, from the checkpoint the node wrote.
        string version = Path.Combine(_data.Models, "on-slurm", "1");
        Assert.True(File.Exists(Path.Combine(version, ModelManifest.FileName)));
        Assert.Equal([1], ModelVersions.List(Path.Combine(_data.Models, "on-slurm")));
        output.WriteLine($"SLURM RESUME: trainer killed at checkpoint step {checkpointStep}, resumed from step {resumed}; log:\n{log}");
    }

    [SlurmFact]
    public async Task A_job_slurm_requeues_restarts_under_its_id_and_resumes_from_its_checkpoint()
    {
        await using TestService service = await TestService.StartAsync(SlurmTestService.Options(_data, cluster));
        string id = (await TestService.SubmitAsync(service.Http, new
        {
            kind = "sound-vae", dataset = "notes", name = "requeued", steps = 80, checkpointEverySteps = 10, hyperparameters = TestData.TinySoundVae,
        })).GetProperty("id").GetString()!;
        string runDir = Path.Combine(_data.Root, "shared", id, "run");
        await TestService.WaitAsync(service.Http, id, j => j.GetProperty("step").GetInt64() >= 25
            && new CheckpointStore(runDir).LatestDirectory() is { } c && CheckpointStore.Inspect(c).Step >= 20, 180, output);
        using JsonDocument submissions = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_data.Root, "shared", id, "slurm.json")));
        string task = submissions.RootElement.GetProperty("jobIds")[0].GetString() + "_0";
        (int code, string said) = cluster.Control("requeue", task);
        Assert.True(code == 0, said);
        // Slurm holds a requeued job for a while (BeginTime); let it start again at once.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (cluster.Control("update", $"JobId={task}", "StartTime=now").Code != 0 && clock.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(500);

        JsonElement job = await TestService.WaitAsync(service.Http, id, TestService.Finished, 240, output);
        Assert.True(job.GetProperty("state").GetString() == "succeeded", $"{job}\n{cluster.Logs()}");
        Assert.Equal(80, job.GetProperty("step").GetInt64());
        Assert.InRange(Assert.Single(job.GetProperty("resumedFromSteps").EnumerateArray()).GetInt64(), 20, 79);
        string log = string.Join("\n", job.GetProperty("log").EnumerateArray().Select(l => l.GetString()));
        Assert.DoesNotContain("resubmitted", log, StringComparison.Ordinal); // the same Slurm job ran again
        Assert.Single(JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_data.Root, "shared", id, "slurm.json"))).RootElement.GetProperty("jobIds").EnumerateArray());
        output.WriteLine($"SLURM REQUEUE:\n{log}");
    }

    [SlurmFact]
    public async Task Delete_scancels_the_slurm_job()
    {
        await using TestService service = await TestService.StartAsync(SlurmTestService.Options(_data, cluster));
        string id = (await TestService.SubmitAsync(service.Http, new
        {
            kind = "sound-vae", dataset = "notes", name = "cancelled", steps = 1_000_000, hyperparameters = TestData.TinySoundVae,
        })).GetProperty("id").GetString()!;
        await TestService.WaitAsync(service.Http, id, j => j.GetProperty("step").GetInt64() > 0, 180, output);
        using HttpResponseMessage response = await service.Http.DeleteAsync($"jobs/{id}");
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        JsonElement job = await TestService.WaitAsync(service.Http, id, TestService.Finished, 90, output);
        Assert.Equal("cancelled", job.GetProperty("state").GetString());
        Assert.Null(TrainerProcess.Find(id));
        Assert.False(Directory.Exists(Path.Combine(_data.Models, "cancelled")));
    }
}

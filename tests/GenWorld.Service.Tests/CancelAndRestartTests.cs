using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GenWorld.Core.Models;
using GenWorld.Service.Jobs;
using GenWorld.Training.Runs;
using Xunit.Abstractions;

namespace GenWorld.Service.Tests;

[Collection("Service")]
public sealed class CancelAndRestartTests(ITestOutputHelper output) : IDisposable
{
    private readonly TestData _data = new();

    public void Dispose() => _data.Dispose();

    private static object TextureJob(string name, long steps, long? checkpointEvery = null) => new
    {
        kind = "texture-gan", dataset = "textures", name, steps, checkpointEverySteps = checkpointEvery, hyperparameters = TestData.TinyTextureGan,
    };

    [Fact]
    public async Task Delete_cancels_a_running_job_at_its_next_step_and_a_queued_one_at_once()
    {
        await using var service = await TestService.StartAsync(_data.Options());
        string running = (await TestService.SubmitAsync(service.Http, TextureJob("cancel-a", 100_000))).GetProperty("id").GetString()!;
        string queued = (await TestService.SubmitAsync(service.Http, TextureJob("cancel-b", 10))).GetProperty("id").GetString()!;
        await TestService.WaitAsync(service.Http, running, j => j.GetProperty("step").GetInt64() >= 5);

        using (HttpResponseMessage response = await service.Http.DeleteAsync($"jobs/{queued}"))
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("cancelled", (await TestService.GetJobAsync(service.Http, queued)).GetProperty("state").GetString());
        using (HttpResponseMessage response = await service.Http.DeleteAsync($"jobs/{running}"))
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        JsonElement job = await TestService.WaitAsync(service.Http, running, TestService.Finished, 20);
        Assert.Equal("cancelled", job.GetProperty("state").GetString());
        output.WriteLine($"cancelled at step {job.GetProperty("step").GetInt64()}");

        // Nothing was published, a second DELETE is a clear 409, and an unknown id a 404.
        Assert.False(Directory.Exists(Path.Combine(_data.Models, "cancel-a")) && ModelVersions.List(Path.Combine(_data.Models, "cancel-a")).Count > 0);
        using (HttpResponseMessage again = await service.Http.DeleteAsync($"jobs/{running}"))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Contains("only queued or running jobs can be cancelled", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        }
        using (HttpResponseMessage missing = await service.Http.DeleteAsync("jobs/nope"))
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_restart_resumes_the_running_job_from_its_checkpoint_and_then_runs_the_queued_one()
    {
        string first, second;
        long stepAtStop;
        await using (var service = await TestService.StartAsync(_data.Options()))
        {
            first = (await TestService.SubmitAsync(service.Http, new { kind = "sound-vae", dataset = "notes", name = "restart-a", steps = 40, checkpointEverySteps = 5, hyperparameters = TestData.TinySoundVae }))
                .GetProperty("id").GetString()!;
            second = (await TestService.SubmitAsync(service.Http, new { kind = "sound-vae", dataset = "notes", name = "restart-b", steps = 10, hyperparameters = TestData.TinySoundVae })).GetProperty("id").GetString()!;
            stepAtStop = (await TestService.WaitAsync(service.Http, first, j => j.GetProperty("step").GetInt64() >= 12)).GetProperty("step").GetInt64();
        }

        // On disk after the stop: the first job still Running (to resume), the second still Queued, a valid checkpoint.
        var store = new JobStore(_data.State);
        Assert.Equal(JobState.Running, store.Get(first)!.State);
        Assert.Equal(JobState.Queued, store.Get(second)!.State);
        CheckpointState checkpoint = CheckpointStore.Inspect(new CheckpointStore(store.RunDir(first)).LatestDirectory()!, "sound-vae");
        Assert.True(checkpoint.Step >= stepAtStop, $"a graceful stop checkpoints where it stopped: checkpoint {checkpoint.Step}, last seen {stepAtStop}");

        await using (var service = await TestService.StartAsync(_data.Options()))
        {
            JsonElement a = await TestService.WaitAsync(service.Http, first, TestService.Finished, 60);
            JsonElement b = await TestService.WaitAsync(service.Http, second, TestService.Finished, 60);
            Assert.True(a.GetProperty("state").GetString() == "succeeded", a.ToString());
            Assert.True(b.GetProperty("state").GetString() == "succeeded", b.ToString());
            long resumed = Assert.Single(a.GetProperty("resumedFromSteps").EnumerateArray()).GetInt64();
            Assert.Equal(checkpoint.Step, resumed);
            Assert.Equal(40, a.GetProperty("step").GetInt64());
            Assert.Empty(b.GetProperty("resumedFromSteps").EnumerateArray());
            // The resumed run's loss history continues the first session's (one report, all 40 steps).
            TrainingReport report = JsonSerializer.Deserialize<TrainingReport>(File.ReadAllText(Path.Combine(store.RunDir(first), "report.json")), JsonSerializerOptions.Web)!;
            Assert.Equal(40, report.Steps);
            output.WriteLine($"stopped at step {stepAtStop}, checkpoint {checkpoint.Step}, resumed from {resumed}; steps lost 0");
            Assert.Equal("restart-a/1", a.GetProperty("model").GetString());
            Assert.Equal("restart-b/1", b.GetProperty("model").GetString());
        }
    }

    [Fact]
    public async Task A_restart_over_a_damaged_checkpoint_resumes_from_the_one_before_and_a_broken_record_is_listed()
    {
        string id;
        await using (var service = await TestService.StartAsync(_data.Options()))
        {
            id = (await TestService.SubmitAsync(service.Http, new { kind = "sound-vae", dataset = "notes", name = "damaged", steps = 30, checkpointEverySteps = 5, hyperparameters = TestData.TinySoundVae }))
                .GetProperty("id").GetString()!;
            await TestService.WaitAsync(service.Http, id, j => j.GetProperty("step").GetInt64() >= 12);
        }
        var store = new JobStore(_data.State);
        string newest = new CheckpointStore(store.RunDir(id)).LatestDirectory()!;
        string older = Directory.GetDirectories(Path.Combine(store.RunDir(id), "checkpoints"), "step-*").Order(StringComparer.Ordinal).First();
        long olderStep = CheckpointStore.Inspect(older).Step;
        byte[] bytes = File.ReadAllBytes(Path.Combine(newest, "model.pt"));
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(Path.Combine(newest, "model.pt"), bytes);
        Directory.CreateDirectory(Path.Combine(store.Root, "20260101-000000-broken"));
        File.WriteAllText(Path.Combine(store.Root, "20260101-000000-broken", "job.json"), "{\"id\": \"20260101-000000-broken\", \"kind\": ");

        await using (var service = await TestService.StartAsync(_data.Options()))
        {
            JsonElement job = await TestService.WaitAsync(service.Http, id, TestService.Finished, 60);
            Assert.True(job.GetProperty("state").GetString() == "succeeded", job.ToString());
            Assert.Equal(olderStep, Assert.Single(job.GetProperty("resumedFromSteps").EnumerateArray()).GetInt64());
            Assert.Contains(job.GetProperty("log").EnumerateArray(), l => l.GetString()!.Contains("is damaged", StringComparison.Ordinal));
            Assert.Single(Directory.GetDirectories(Path.Combine(store.RunDir(id), "checkpoints"), "damaged-step-*"));

            JsonElement broken = Assert.Single((await service.Http.GetFromJsonAsync<JsonElement>("jobs")).EnumerateArray(), j => j.GetProperty("state").GetString() == "broken");
            Assert.Equal("20260101-000000-broken", broken.GetProperty("id").GetString());
            Assert.Contains("job.json cannot be read", broken.GetProperty("error").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain(_data.Root, broken.GetProperty("error").GetString(), StringComparison.Ordinal);
            Assert.Equal("broken", (await TestService.GetJobAsync(service.Http, "20260101-000000-broken")).GetProperty("state").GetString());
            output.WriteLine($"newest checkpoint damaged; resumed from step {olderStep}");
        }
    }
}

using System.Text.Json;
using GenWorld.Core.Models;
using GenWorld.Service.Jobs;
using GenWorld.Training.Runs;
using Xunit.Abstractions;

namespace GenWorld.Service.Tests;

[Collection("Service")]
public sealed class KillTests(ITestOutputHelper output) : IDisposable
{
    private const int CheckpointEvery = 10;
    private readonly TestData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Kill_9_of_serve_mid_job_then_a_restart_loses_at_most_one_checkpoint_interval_and_no_file_is_corrupt()
    {
        string id;
        long seenBeforeKill;
        using (ServeProcess first = await ServeProcess.StartAsync(_data))
        {
            using HttpClient http = TestService.Client(first.BaseUrl);
            id = (await TestService.SubmitAsync(http, new
            {
                kind = "sound-vae", dataset = "notes", name = "killed", steps = 60, checkpointEverySteps = CheckpointEvery, hyperparameters = TestData.TinySoundVae,
            })).GetProperty("id").GetString()!;
            seenBeforeKill = (await TestService.WaitAsync(http, id, j => j.GetProperty("step").GetInt64() >= 25, 90)).GetProperty("step").GetInt64();
            await first.KillAsync();
        }

        // What a crash leaves: job.json readable (still Running), the latest checkpoint intact (every SHA-256 matches),
        // and at most one interval behind the last step the service reported.
        var store = new JobStore(_data.State);
        Assert.Empty(store.Broken);
        Assert.Equal(JobState.Running, store.Get(id)!.State);
        string latest = new CheckpointStore(store.RunDir(id)).LatestDirectory()!;
        long checkpointStep = CheckpointStore.Inspect(latest, "sound-vae").Step;
        long lost = seenBeforeKill - checkpointStep;
        Assert.InRange(lost, 0, CheckpointEvery - 1);

        using (ServeProcess second = await ServeProcess.StartAsync(_data))
        {
            using HttpClient http = TestService.Client(second.BaseUrl);
            JsonElement job = await TestService.WaitAsync(http, id, TestService.Finished, 90);
            Assert.True(job.GetProperty("state").GetString() == "succeeded", job.ToString());
            Assert.Equal(checkpointStep, Assert.Single(job.GetProperty("resumedFromSteps").EnumerateArray()).GetInt64());
            Assert.Equal(60, job.GetProperty("step").GetInt64());
            Assert.Equal("killed/1", job.GetProperty("model").GetString());
        }
        string modelDir = Path.Combine(_data.Models, "killed");
        Assert.Equal([1], ModelVersions.List(modelDir));
        Assert.Empty(Directory.GetDirectories(modelDir, ".tmp-*"));
        output.WriteLine($"RESUME: last reported step {seenBeforeKill}, resumed from checkpoint {checkpointStep}: {lost} step(s) lost (interval {CheckpointEvery})");
    }
}

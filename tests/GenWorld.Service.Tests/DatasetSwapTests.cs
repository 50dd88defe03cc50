using System.Text.Json;

namespace GenWorld.Service.Tests;

/// <summary>Confinement is checked again when a job starts, and the job trains on a copy nothing can swap afterwards.</summary>
[Collection("Service")]
public sealed class DatasetSwapTests : IDisposable
{
    private readonly TestData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_dataset_swapped_for_a_link_while_queued_fails_with_a_confinement_error()
    {
        // Two datasets accepted at submit, then swapped while they wait behind a running job: the whole folder for a
        // link out of the root, and one clip inside the other for a link out of the root.
        string outside = Path.Combine(_data.Root, "outside");
        foreach (string name in new[] { "swap-dir", "swap-file" }) TestData.Copy(Path.Combine(_data.Data, "notes"), Path.Combine(_data.Data, name));
        TestData.Copy(Path.Combine(_data.Data, "notes"), outside);
        await using var service = await TestService.StartAsync(_data.Options());
        object Job(string dataset, long steps) => new { kind = "sound-vae", dataset, name = dataset, steps, hyperparameters = TestData.TinySoundVae };
        string blocker = (await TestService.SubmitAsync(service.Http, Job("notes", 100_000))).GetProperty("id").GetString()!;
        string dirJob = (await TestService.SubmitAsync(service.Http, Job("swap-dir", 5))).GetProperty("id").GetString()!;
        string fileJob = (await TestService.SubmitAsync(service.Http, Job("swap-file", 5))).GetProperty("id").GetString()!;
        await TestService.WaitAsync(service.Http, blocker, j => j.GetProperty("state").GetString() == "running");
        Assert.Equal("queued", (await TestService.GetJobAsync(service.Http, dirJob)).GetProperty("state").GetString());

        Directory.Delete(Path.Combine(_data.Data, "swap-dir"), recursive: true);
        Directory.CreateSymbolicLink(Path.Combine(_data.Data, "swap-dir"), outside);
        string clip = Directory.GetFiles(Path.Combine(_data.Data, "swap-file", "clips"), "*.wav").Order(StringComparer.Ordinal).Last();
        File.Delete(clip);
        File.CreateSymbolicLink(clip, Path.Combine(outside, "clips", Path.GetFileName(clip)));
        (await service.Http.DeleteAsync($"jobs/{blocker}")).Dispose();
        JsonElement blocked = await TestService.WaitAsync(service.Http, blocker, TestService.Finished, 60);
        Assert.True(blocked.GetProperty("state").GetString() == "cancelled", blocked.ToString());

        foreach ((string id, string expected) in new[] { (dirJob, "outside the data root"), (fileJob, "points outside the data root") })
        {
            JsonElement job = await TestService.WaitAsync(service.Http, id, j => j.GetProperty("state").GetString() is "failed" or "succeeded", 60);
            Assert.Equal("failed", job.GetProperty("state").GetString());
            string error = job.GetProperty("error").GetString()!;
            Assert.True(error.Contains(expected, StringComparison.Ordinal), error);
            Assert.Contains("confined to the data root again when the job starts", error, StringComparison.Ordinal);
            Assert.DoesNotContain(_data.Root, error, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(_data.State, "jobs", id, "dataset")), "no partial copy is left");
        }
    }
}

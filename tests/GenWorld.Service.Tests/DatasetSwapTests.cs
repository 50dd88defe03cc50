using System.Text.Json;
using GenWorld.Service.Jobs;
using GenWorld.Service.Security;

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
        // Two jobs accepted (their datasets confined to the data root) and waiting in the persistent queue; then, before
        // they start, one dataset folder is swapped for a link out of the root and one clip inside the other likewise.
        string outside = Path.Combine(_data.Root, "outside");
        foreach (string name in new[] { "swap-dir", "swap-file" }) TestData.Copy(Path.Combine(_data.Data, "notes"), Path.Combine(_data.Data, name));
        TestData.Copy(Path.Combine(_data.Data, "notes"), outside);
        var root = new DataRoot(_data.Data);
        var store = new JobStore(_data.State);
        string[] ids = [.. new[] { "swap-dir", "swap-file" }.Select(dataset => store.Add(new JobRecord
        {
            Kind = "sound-vae", Name = dataset, Dataset = dataset, DatasetPath = root.Resolve(dataset, out string? error) ?? throw new InvalidOperationException(error), Steps = 5,
        }).Id)];

        Directory.Delete(Path.Combine(_data.Data, "swap-dir"), recursive: true);
        Directory.CreateSymbolicLink(Path.Combine(_data.Data, "swap-dir"), outside);
        string clip = Directory.GetFiles(Path.Combine(_data.Data, "swap-file", "clips"), "*.wav").Order(StringComparer.Ordinal).Last();
        File.Delete(clip);
        File.CreateSymbolicLink(clip, Path.Combine(outside, "clips", Path.GetFileName(clip)));

        await using var service = await TestService.StartAsync(_data.Options());
        foreach ((string id, string expected) in new[] { (ids[0], "outside the data root"), (ids[1], "points outside the data root") })
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

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace GenWorld.Service.Tests;

[Collection("Service")]
public sealed class BadRequestTests : IDisposable
{
    private const string Token = "test-token-0123456789abcdef";
    private readonly TestData _data = new();

    public void Dispose() => _data.Dispose();

    private sealed record BadCase(string Name, int Status, string Expected, Func<HttpClient, Task<HttpResponseMessage>> Send);

    [Fact]
    public async Task Fifty_concurrent_bad_requests_each_get_a_clear_4xx_and_the_service_keeps_serving()
    {
        File.CreateSymbolicLink(Path.Combine(_data.Data, "escape"), "/usr/share");
        string leaky = Directory.CreateDirectory(Path.Combine(_data.Data, "leaky")).FullName;
        File.CreateSymbolicLink(Path.Combine(leaky, "clip.wav"), "/etc/hostname");
        // A shipped-style flat model folder exported before models carried their checkpoint: ONNX only, nothing to fine-tune.
        RepoPath.CopyWithoutCheckpoint("sfx-vae", Path.Combine(_data.Models, "onnx-only"));
        await using var service = await TestService.StartAsync(_data.Options(token: Token));
        using HttpClient anonymous = TestService.Client(service.BaseUrl);
        using HttpClient wrong = TestService.Client(service.BaseUrl, "not-the-token-at-all-0000");

        Task<HttpResponseMessage> Post(HttpClient http, string body) =>
            http.PostAsync("jobs", new StringContent(body, Encoding.UTF8, "application/json"));
        string Job(object job) => TestData.Json(job);
        BadCase[] cases =
        [
            new("malformed JSON", 400, "not a valid job request", h => Post(h, "{\"kind\": \"sound-vae\", \"dataset\": ")),
            new("unknown kind", 400, "unknown model kind 'sound-transformer'", h => Post(h, Job(new { kind = "sound-transformer", dataset = "notes", steps = 5 }))),
            new("path traversal", 400, "'..' is not allowed", h => Post(h, Job(new { kind = "sound-vae", dataset = "notes/../../../etc", steps = 5 }))),
            new("absolute path outside", 400, "outside the data root", h => Post(h, Job(new { kind = "sound-vae", dataset = "/etc", steps = 5 }))),
            new("symlink out of the root", 400, "outside the data root", h => Post(h, Job(new { kind = "sound-vae", dataset = "escape", steps = 5 }))),
            new("symlink inside the dataset", 400, "contains clip.wav, a symbolic link that points outside", h => Post(h, Job(new { kind = "sound-vae", dataset = "leaky", steps = 5 }))),
            new("huge body", 413, "limited to 65536 bytes", h => Post(h, Job(new { kind = "sound-vae", dataset = new string('a', 300_000), steps = 5 }))),
            new("missing token", 401, "requires a token", _ => Post(anonymous, Job(new { kind = "sound-vae", dataset = "notes", steps = 5 }))),
            new("wrong token", 401, "does not match", _ => Post(wrong, Job(new { kind = "sound-vae", dataset = "notes", steps = 5 }))),
            new("bad hyperparameter", 400, "hyperparameters.learningRate: must be between", h => Post(h, Job(new { kind = "sound-vae", dataset = "notes", steps = 5, hyperparameters = new { learningRate = -1 } }))),
            new("unknown field", 400, "'step'", h => Post(h, "{\"kind\":\"sound-vae\",\"dataset\":\"notes\",\"step\":5}")),
            new("base model without checkpoint", 400, "onnx-only was exported without its checkpoint", h => Post(h, Job(new { kind = "synth-vae", dataset = "notes", steps = 5, baseModel = "onnx-only" }))),
            new("no budget", 400, "steps/minutes: give a budget", h => Post(h, Job(new { kind = "sound-vae", dataset = "notes" }))),
            new("not JSON", 415, "application/json", h => h.PostAsync("jobs", new StringContent("kind=sound-vae", Encoding.UTF8, "application/x-www-form-urlencoded"))),
            new("unknown job", 404, "No job 'missing'", h => h.GetAsync("jobs/missing")),
        ];

        BadCase[] fifty = [.. Enumerable.Range(0, 50).Select(i => cases[i % cases.Length])];
        var results = await Task.WhenAll(fifty.Select(async c =>
        {
            using HttpResponseMessage response = await c.Send(service.Http);
            return (Case: c, Status: (int)response.StatusCode, Type: response.Content.Headers.ContentType?.MediaType, Body: await response.Content.ReadAsStringAsync());
        }));

        foreach (var (c, status, type, body) in results)
        {
            Assert.True(status == c.Status, $"{c.Name}: expected {c.Status}, got {status}: {body}");
            Assert.True(type == "application/problem+json", $"{c.Name}: content type {type}: {body}");
            string detail = JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!;
            Assert.True(detail.Contains(c.Expected, StringComparison.Ordinal), $"{c.Name}: '{detail}' should say '{c.Expected}'");
        }

        // Still serving: nothing was queued by the bad requests, and a good request is accepted.
        JsonElement jobs = await service.Http.GetFromJsonAsync<JsonElement>("jobs");
        Assert.Equal(0, jobs.GetArrayLength());
        JsonElement good = await TestService.SubmitAsync(service.Http, new { kind = "sound-vae", dataset = "notes", steps = 100_000, hyperparameters = TestData.TinySoundVae });
        string goodId = good.GetProperty("id").GetString()!;
        foreach (string escape in new[] { "..%2F..%2Fjob.json", "..%2Fjob.json", "%2Fetc%2Fhostname", "step-1/..%2F..%2F..%2Fjob.json" })
        {
            using HttpResponseMessage preview = await service.Http.GetAsync($"jobs/{goodId}/previews/{escape}");
            Assert.Equal(HttpStatusCode.NotFound, preview.StatusCode);
            Assert.Contains("has no preview", await preview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using HttpResponseMessage cancel = await service.Http.DeleteAsync($"jobs/{goodId}");
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        await TestService.WaitAsync(service.Http, goodId, TestService.Finished, 30);
    }

    [Fact]
    public void Listening_beyond_loopback_without_a_token_is_refused()
    {
        var e = Assert.Throws<ServiceConfigurationException>(() => ServiceHost.Build(_data.Options() with { Urls = ["http://0.0.0.0:0"] }));
        Assert.Contains("reachable from other machines; give --token", e.Message, StringComparison.Ordinal);
        Assert.Contains(e.Problems, p => p.StartsWith("--urls:", StringComparison.Ordinal));
        var star = Assert.Throws<ServiceConfigurationException>(() => ServiceHost.Build(_data.Options() with { Urls = ["http://*:5080"] }));
        Assert.Contains("--token", star.Message, StringComparison.Ordinal);
        // With a token the same bind is allowed (built, not started).
        Assert.NotNull(ServiceHost.Build(_data.Options(token: Token) with { Urls = ["http://0.0.0.0:0"] }));
    }
}

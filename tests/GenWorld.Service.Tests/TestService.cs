using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Xunit.Abstractions;

namespace GenWorld.Service.Tests;

/// <summary>The real service on a real Kestrel, bound to 127.0.0.1 on a free port, with an HttpClient pointed at it.</summary>
internal sealed class TestService : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestService(WebApplication app, string baseUrl, string? token)
    {
        _app = app;
        BaseUrl = baseUrl;
        Http = Client(baseUrl, token);
    }

    public string BaseUrl { get; }

    public HttpClient Http { get; }

    public static async Task<TestService> StartAsync(ServiceOptions options)
    {
        WebApplication app = ServiceHost.Build(options);
        await app.StartAsync();
        return new TestService(app, app.Urls.Single(), options.Token);
    }

    public static HttpClient Client(string baseUrl, string? token = null)
    {
        var http = new HttpClient { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(60) };
        if (token is not null) http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return http;
    }

    public static async Task<JsonElement> SubmitAsync(HttpClient http, object job)
    {
        using var content = new StringContent(TestData.Json(job), Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await http.PostAsync("jobs", content);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"POST /jobs: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJobAsync(HttpClient http, string id) =>
        (await http.GetFromJsonAsync<JsonElement>($"jobs/{id}")).Clone();

    /// <summary>Polls GET /jobs/{id} until <paramref name="done"/> holds; fails with the job's last state after <paramref name="timeoutSeconds"/>.</summary>
    public static async Task<JsonElement> WaitAsync(HttpClient http, string id, Func<JsonElement, bool> done, double timeoutSeconds = 60, ITestOutputHelper? output = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            JsonElement job = await GetJobAsync(http, id);
            if (done(job)) return job;
            string state = job.GetProperty("state").GetString()!;
            if (state is "failed") Assert.Fail($"job {id} failed: {job.GetProperty("error")}");
            if (clock.Elapsed.TotalSeconds > timeoutSeconds) Assert.Fail($"job {id} did not get there in {timeoutSeconds} s: {job}");
            await Task.Delay(50);
        }
    }

    public static bool Finished(JsonElement job) => job.GetProperty("state").GetString() is "succeeded" or "failed" or "cancelled";

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

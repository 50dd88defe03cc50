using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace GenWorld.Service.Tests;

/// <summary>What a web page can make a browser send (cross-site fetches, DNS rebinding) is refused; answers carry no server paths.</summary>
[Collection("Service")]
public sealed class WebPageTests : IDisposable
{
    private readonly TestData _data = new();

    public void Dispose() => _data.Dispose();

    private static HttpRequestMessage Request(HttpMethod method, string path, string? body = null, string? contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null) request.Content.Headers.ContentType = new(contentType);
        }
        return request;
    }

    private static async Task<(int Status, string Body, HttpResponseMessage Response)> SendAsync(HttpClient http, HttpRequestMessage request)
    {
        HttpResponseMessage response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    [Fact]
    public async Task Cross_site_bodies_foreign_hosts_and_foreign_origins_are_refused_without_CORS_headers()
    {
        await using var service = await TestService.StartAsync(_data.Options());
        int port = new Uri(service.BaseUrl).Port;
        string job = TestData.Json(new { kind = "sound-vae", dataset = "notes", steps = 5 });

        (string Name, HttpRequestMessage Request, int Status, string Expected)[] cases =
        [
            ("Blob body (no Content-Type)", Request(HttpMethod.Post, "jobs", job, contentType: null), 415, "no Content-Type"),
            ("text/plain body", Request(HttpMethod.Post, "jobs", job, "text/plain"), 415, "application/json"),
            ("form body", Request(HttpMethod.Post, "jobs", "kind=sound-vae", "application/x-www-form-urlencoded"), 415, "application/json"),
            ("JSON-looking type", Request(HttpMethod.Post, "jobs", job, "application/jsonp"), 415, "application/json"),
            ("body on a DELETE", Request(HttpMethod.Delete, "jobs/x", "x", "text/plain"), 415, "application/json"),
            ("DNS rebinding (GET)", WithHeader(Request(HttpMethod.Get, "jobs"), "Host", $"evil.example:{port}"), 403, "not an address this service listens on"),
            ("DNS rebinding (POST)", WithHeader(Request(HttpMethod.Post, "jobs", job), "Host", $"attacker.test:{port}"), 403, "not an address"),
            ("loopback host, other port", WithHeader(Request(HttpMethod.Get, "jobs"), "Host", $"127.0.0.1:{port + 1}"), 403, "not an address"),
            ("foreign Origin (GET)", WithHeader(Request(HttpMethod.Get, "jobs"), "Origin", "https://evil.example"), 403, "other origins"),
            ("foreign Origin (POST)", WithHeader(Request(HttpMethod.Post, "jobs", job), "Origin", "http://evil.example"), 403, "other origins"),
            ("null Origin (sandboxed page)", WithHeader(Request(HttpMethod.Post, "jobs", job), "Origin", "null"), 403, "other origins"),
            ("preflight", WithHeader(WithHeader(Request(HttpMethod.Options, "jobs"), "Origin", "http://evil.example"), "Access-Control-Request-Method", "POST"), 403, "other origins"),
        ];
        foreach (var c in cases)
        {
            (int status, string body, HttpResponseMessage response) = await SendAsync(service.Http, c.Request);
            Assert.True(status == c.Status, $"{c.Name}: expected {c.Status}, got {status}: {body}");
            Assert.Contains(c.Expected, JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain(response.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
            response.Dispose();
        }
        Assert.Equal(0, (await service.Http.GetFromJsonAsync<JsonElement>("jobs")).GetArrayLength());

        // The service's own names and origin still work: localhost for a 127.0.0.1 bind, and a same-origin page.
        (int ok, string okBody, HttpResponseMessage r1) = await SendAsync(service.Http, WithHeader(Request(HttpMethod.Get, "jobs"), "Host", $"localhost:{port}"));
        Assert.True(ok == 200, okBody);
        (ok, okBody, HttpResponseMessage r2) = await SendAsync(service.Http, WithHeader(Request(HttpMethod.Get, "jobs"), "Origin", service.BaseUrl.TrimEnd('/')));
        Assert.True(ok == 200, okBody);
        Assert.DoesNotContain(r2.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
        r1.Dispose();
        r2.Dispose();
    }

    [Fact]
    public async Task The_token_scheme_is_case_insensitive()
    {
        const string token = "test-token-0123456789abcdef";
        await using var service = await TestService.StartAsync(_data.Options(token));
        using HttpClient plain = TestService.Client(service.BaseUrl);
        foreach (string scheme in new[] { "bearer", "BEARER", "Bearer" })
        {
            using HttpRequestMessage request = Request(HttpMethod.Get, "jobs");
            request.Headers.TryAddWithoutValidation("Authorization", $"{scheme} {token}");
            (int status, string body, HttpResponseMessage response) = await SendAsync(plain, request);
            Assert.True(status == 200, $"{scheme}: {status} {body}");
            response.Dispose();
        }
    }

    [Fact]
    public async Task A_full_queue_answers_429_and_no_answer_shows_a_server_path()
    {
        await using var service = await TestService.StartAsync(_data.Options() with { MaxQueuedJobs = 2 });
        object Job(string name) => new { kind = "sound-vae", dataset = "notes", name, steps = 100_000, hyperparameters = TestData.TinySoundVae };
        string running = (await TestService.SubmitAsync(service.Http, Job("q0"))).GetProperty("id").GetString()!;
        await TestService.WaitAsync(service.Http, running, j => j.GetProperty("state").GetString() == "running");
        string[] queued = [(await TestService.SubmitAsync(service.Http, Job("q1"))).GetProperty("id").GetString()!,
            (await TestService.SubmitAsync(service.Http, Job("q2"))).GetProperty("id").GetString()!];

        using (HttpResponseMessage full = await service.Http.PostAsync("jobs", JsonContent(Job("q3"))))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, full.StatusCode);
            Assert.Equal("application/problem+json", full.Content.Headers.ContentType?.MediaType);
            Assert.Contains("2 jobs are already waiting", (await full.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        // Errors that mention paths show them relative to the roots, or hide them.
        File.CreateSymbolicLink(Path.Combine(_data.Data, "escape"), "/usr/share");
        var answers = new List<string>();
        foreach (object bad in new object[] { new { kind = "sound-vae", dataset = "/etc", steps = 5 }, new { kind = "sound-vae", dataset = "escape", steps = 5 },
                     new { kind = "sound-vae", dataset = "missing", steps = 5 }, new { kind = "sound-vae", dataset = Path.Combine(_data.Data, "missing"), steps = 5 } })
        {
            using HttpResponseMessage response = await service.Http.PostAsync("jobs", JsonContent(bad));
            answers.Add(await response.Content.ReadAsStringAsync());
        }
        foreach (string id in queued.Append(running)) (await service.Http.DeleteAsync($"jobs/{id}")).Dispose();
        await TestService.WaitAsync(service.Http, running, TestService.Finished, 30);
        answers.Add(await service.Http.GetStringAsync("jobs"));
        answers.Add(await service.Http.GetStringAsync("models"));
        foreach (string answer in answers)
        {
            Assert.DoesNotContain(_data.Root, answer, StringComparison.Ordinal);
            Assert.DoesNotContain("/usr/share", answer, StringComparison.Ordinal);
            Assert.DoesNotContain("\"/etc", answer, StringComparison.Ordinal);
        }
        Assert.Contains("<data>/missing", answers[3], StringComparison.Ordinal);
    }

    private static StringContent JsonContent(object value) => new(TestData.Json(value), Encoding.UTF8, "application/json");

    private static HttpRequestMessage WithHeader(HttpRequestMessage request, string name, string value)
    {
        if (name == "Host") request.Headers.Host = value;
        else request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }
}

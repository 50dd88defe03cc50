using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace GenWorld.Service.Client;

/// <summary>A small client of the service for <c>genworld train --via</c> (and tests): submit a job, read its event stream.</summary>
public sealed class ServiceClient : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>A client of the service at <paramref name="baseUrl"/>, sending <paramref name="token"/> as a bearer token when given.</summary>
    public ServiceClient(string baseUrl, string? token = null)
    {
        _http = new HttpClient { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"), Timeout = Timeout.InfiniteTimeSpan };
        if (!string.IsNullOrEmpty(token)) _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>Posts a job (any JSON-serialisable object shaped like the JobRequest schema); returns the created job.</summary>
    /// <exception cref="ServiceRequestException">The service answered with an error (its problem detail is the message).</exception>
    public async Task<JsonElement> SubmitAsync(object request, CancellationToken ct = default)
    {
        using var content = new StringContent(JsonSerializer.Serialize(request, Api.ServiceJson.Options), Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await _http.PostAsync("jobs", content, ct);
        return await ReadAsync(response, ct);
    }

    /// <summary>GET a JSON resource (e.g. "jobs/ID", "models").</summary>
    public async Task<JsonElement> GetAsync(string path, CancellationToken ct = default)
    {
        using HttpResponseMessage response = await _http.GetAsync(path, ct);
        return await ReadAsync(response, ct);
    }

    /// <summary>Cancels a job.</summary>
    public async Task<JsonElement> CancelAsync(string id, CancellationToken ct = default)
    {
        using HttpResponseMessage response = await _http.DeleteAsync($"jobs/{id}", ct);
        return await ReadAsync(response, ct);
    }

    /// <summary>The job's events as they arrive, until the service ends the stream (after the final state).</summary>
    public async IAsyncEnumerable<ServiceEvent> EventsAsync(string id, [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"jobs/{id}/events");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode) await ReadAsync(response, ct);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
        string type = "message";
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Length > 0) yield return new ServiceEvent(type, JsonDocument.Parse(data.ToString()).RootElement.Clone());
                type = "message";
                data.Clear();
            }
            else if (line.StartsWith("event:", StringComparison.Ordinal)) type = line[6..].Trim();
            else if (line.StartsWith("data:", StringComparison.Ordinal)) data.Append(line[5..].TrimStart());
        }
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        string body = await response.Content.ReadAsStringAsync(ct);
        if (response.IsSuccessStatusCode) return JsonDocument.Parse(body).RootElement.Clone();
        string message = body;
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.TryGetProperty("detail", out JsonElement detail)) message = detail.GetString() ?? body;
        }
        catch (JsonException)
        {
            // Not problem JSON (a proxy's page): show it as it is.
        }
        throw new ServiceRequestException((int)response.StatusCode, message);
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}

/// <summary>The service answered with an error status.</summary>
public sealed class ServiceRequestException(int status, string message) : Exception($"HTTP {status}: {message}")
{
    /// <summary>The HTTP status.</summary>
    public int Status { get; } = status;
}

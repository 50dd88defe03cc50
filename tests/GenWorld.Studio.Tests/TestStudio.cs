using GenWorld.Service;
using Microsoft.AspNetCore.Builder;

namespace GenWorld.Studio.Tests;

/// <summary>`genworld studio` for real: the service host with the studio mounted on Kestrel at 127.0.0.1 and a free port, over the shipped models.</summary>
internal sealed class TestStudio : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _state;

    private TestStudio(WebApplication app, string state, string? token)
    {
        _app = app;
        _state = state;
        BaseUrl = app.Urls.Single().TrimEnd('/');
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl + "/"), Timeout = TimeSpan.FromSeconds(120) };
        if (token is not null) Http.DefaultRequestHeaders.Authorization = new("Bearer", token);
    }

    public string BaseUrl { get; }

    public HttpClient Http { get; }

    public static async Task<TestStudio> StartAsync(string? token = null, string? modelsRoot = null, double previewSeconds = 60)
    {
        string state = Path.Combine(Path.GetTempPath(), "genworld-studio-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(state);
        var options = new ServiceOptions
        {
            Urls = ["http://127.0.0.1:0"], ModelsRoot = modelsRoot ?? RepoPath.Models, DataRoot = Path.Combine(RepoPath.Root, "content"),
            StateRoot = state, Token = token, PreviewInterval = TimeSpan.FromSeconds(previewSeconds), CheckpointInterval = TimeSpan.FromSeconds(previewSeconds),
        };
        WebApplication app = StudioExtension.Build(options);
        await app.StartAsync();
        return new TestStudio(app, state, token);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_state, recursive: true);
    }
}

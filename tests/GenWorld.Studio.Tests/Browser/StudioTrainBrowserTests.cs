using System.Text.Json;
using Xunit.Abstractions;

namespace GenWorld.Studio.Tests.Browser;

/// <summary>
/// The Train panel in headless Chromium: a tiny sound-VAE fine-tune started from the page, its loss curve growing
/// from the live event stream while the job runs, and the model picker offering the published version afterwards.
/// The models root is a fresh folder, so nothing is published into the repository.
/// </summary>
[Collection("Studio")]
public sealed class StudioTrainBrowserTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("genworld-studio-train-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [BrowserFact]
    public async Task A_job_started_from_the_page_draws_a_live_curve_and_its_model_appears_in_the_picker()
    {
        string models = Directory.CreateDirectory(Path.Combine(_dir, "models")).FullName;
        await using TestStudio studio = await TestStudio.StartAsync(modelsRoot: models, previewSeconds: 2);
        const string tiny = """{"latentSize":4,"channels":4,"batchSize":4}""";
        (int code, string stdout, string stderr) = ChromiumDriver.Run("studio-train.mjs", TimeSpan.FromMinutes(9), studio.BaseUrl, _dir, tiny);
        Assert.True(code == 0, $"node exited {code}: {stderr}");
        output.WriteLine(stdout);
        JsonElement r = JsonDocument.Parse(stdout).RootElement;
        Assert.False(r.TryGetProperty("error", out JsonElement error), $"browser session failed: {error}");
        Assert.Equal(0, r.GetProperty("errors").GetArrayLength());

        JsonElement running = r.GetProperty("pointsWhileRunning");
        Assert.True(running.GetProperty("points").GetInt32() >= 2);
        Assert.DoesNotContain("succeeded", running.GetProperty("states").EnumerateArray().Select(s => s.GetString()));
        JsonElement train = r.GetProperty("train");
        Assert.Contains("succeeded", train.GetProperty("states").EnumerateArray().Select(s => s.GetString()));
        Assert.True(train.GetProperty("points").GetInt32() > running.GetProperty("points").GetInt32(), "the curve stopped growing");
        Assert.Contains("studio-notes v1", r.GetProperty("models").EnumerateArray().Select(m => m.GetString()));
        Assert.True(File.Exists(Path.Combine(models, "studio-notes", "1", "manifest.json")));
    }
}

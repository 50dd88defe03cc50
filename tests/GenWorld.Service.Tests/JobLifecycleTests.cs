using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GenWorld.Core.Models;
using GenWorld.Inference;
using GenWorld.Inference.Models;
using GenWorld.Service.Client;
using Microsoft.ML.OnnxRuntime.Tensors;
using Xunit.Abstractions;

namespace GenWorld.Service.Tests;

[Collection("Service")]
public sealed class JobLifecycleTests(ITestOutputHelper output) : IDisposable
{
    private readonly TestData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_sound_vae_job_streams_progress_and_previews_then_publishes_a_model_that_loads()
    {
        await using var service = await TestService.StartAsync(_data.Options(previewSeconds: 0.5));
        JsonElement created = await TestService.SubmitAsync(service.Http, new
        {
            kind = "sound-vae", dataset = "notes", name = "notes-test", steps = 150, hyperparameters = TestData.TinySoundVae,
        });
        string id = created.GetProperty("id").GetString()!;
        Assert.Equal("queued", created.GetProperty("state").GetString());

        // Follow the real event stream to its end.
        var events = new List<ServiceEvent>();
        using (var client = new ServiceClient(service.BaseUrl))
        {
            // A hang guard, not a speed figure: 150 steps take ~20 s idle and over a minute on a loaded 2-core machine.
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await foreach (ServiceEvent e in client.EventsAsync(id, timeout.Token)) events.Add(e);
        }
        output.WriteLine(string.Join(", ", events.GroupBy(e => e.Type).Select(g => $"{g.Key} x{g.Count()}")));
        Assert.Equal("state", events[0].Type);
        Assert.Equal("succeeded", events[^1].Data.GetProperty("state").GetString());
        Assert.Contains(events, e => e.Type == "log");
        Assert.All(events, e => Assert.DoesNotContain(_data.Root, e.Data.ToString(), StringComparison.Ordinal)); // no server paths, logs included
        long[] steps = [.. events.Where(e => e.Type == "progress").Select(e => e.Data.GetProperty("step").GetInt64())];
        // Progress events are throttled to 5 a second, so a fast machine sends few: at least two, in order.
        Assert.True(steps.Length >= 2 && steps[^1] > steps[0], $"expected progress events at rising steps, got [{string.Join(", ", steps)}]");
        Assert.Equal(steps.Order(), steps);
        Assert.All(events.Where(e => e.Type == "progress"), e => Assert.True(double.IsFinite(e.Data.GetProperty("loss").GetDouble())));
        ServiceEvent preview = Assert.Single(events.Where(e => e.Type == "preview").Take(1));
        string wavUrl = preview.Data.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).First(f => f.EndsWith(".wav", StringComparison.Ordinal));

        // The preview is a real WAV served with its type.
        using (HttpResponseMessage wav = await service.Http.GetAsync(wavUrl.TrimStart('/')))
        {
            Assert.Equal(HttpStatusCode.OK, wav.StatusCode);
            Assert.Equal("audio/wav", wav.Content.Headers.ContentType?.MediaType);
            byte[] bytes = await wav.Content.ReadAsByteArrayAsync();
            Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
            Assert.True(bytes.Length > 16_000, $"preview WAV of {bytes.Length} bytes");
        }

        JsonElement job = await TestService.GetJobAsync(service.Http, id);
        Assert.Equal(150, job.GetProperty("step").GetInt64());
        Assert.Equal("notes-test/1", job.GetProperty("model").GetString());
        Assert.True(job.GetProperty("metrics").GetProperty("heldOutSpectralDistance").GetDouble() > 0);
        JsonElement losses = job.GetProperty("losses");
        Assert.True(losses.GetProperty("logMagMse").GetDouble() > 0 && losses.GetProperty("klNats").GetDouble() >= 0, losses.ToString());

        // Listed, published atomically (pointer + complete folder), and loadable by the runtime.
        JsonElement models = await service.Http.GetFromJsonAsync<JsonElement>("models");
        JsonElement listed = models.EnumerateArray().Single(m => m.GetProperty("name").GetString() == "notes-test");
        Assert.Equal(1, listed.GetProperty("latest").GetInt32());
        string modelDir = Path.Combine(_data.Models, "notes-test");
        Assert.Equal("1", File.ReadAllText(Path.Combine(modelDir, ModelVersions.LatestFile)));
        Assert.Empty(Directory.GetDirectories(modelDir, ".tmp-*"));
        var factory = new OrtSessionFactory(output.WriteLine);
        using ModelFolder folder = VersionedModelFolder.OpenLatest(modelDir, factory, new OrtSessionSettings(DevicePreference.Cpu, IntraOpThreads: 1));
        Assert.Equal(1, folder.Manifest.Version);
        Assert.Equal(ModelKind.SoundVae, folder.Manifest.Kind);
        int width = (int)folder.Manifest.Parts.Single(p => p.Name == "decoder").Inputs[0].Shape[1];
        var latent = new DenseTensor<float>(new float[width], [1, width]);
        using var result = folder.Part("decoder").Session.Run([Microsoft.ML.OnnxRuntime.NamedOnnxValue.CreateFromTensor("latent", latent)]);
        float[] representation = [.. result[0].AsEnumerable<float>()];
        Assert.True(representation.Length > 1000 && representation.All(float.IsFinite));
    }

    [Fact]
    public async Task OpenApi_document_describes_every_endpoint_and_each_kinds_hyperparameters()
    {
        await using var service = await TestService.StartAsync(_data.Options());
        JsonElement doc = await service.Http.GetFromJsonAsync<JsonElement>("openapi.json");
        Assert.Equal("3.1.0", doc.GetProperty("openapi").GetString());
        string[] paths = [.. doc.GetProperty("paths").EnumerateObject().Select(p => p.Name)];
        Assert.Equal(["/jobs", "/jobs/{id}", "/jobs/{id}/events", "/jobs/{id}/previews/{file}", "/models", "/openapi.json"], paths);
        JsonElement hp = doc.GetProperty("components").GetProperty("schemas").GetProperty("JobRequest").GetProperty("x-hyperparameters");
        Assert.Equal(0.0002, hp.GetProperty("texture-gan").GetProperty("properties").GetProperty("learningRate").GetProperty("default").GetDouble());
        Assert.True(hp.GetProperty("sound-vae").GetProperty("properties").TryGetProperty("latentSize", out _));
    }
}

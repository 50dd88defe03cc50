using GenWorld.Core.Numerics;
using GenWorld.Inference.Finishing;
using GenWorld.Inference.Generation;
using GenWorld.Inference.Scheduling;
using GenWorld.Inference.Tests.Scheduling;

namespace GenWorld.Inference.Tests.Generation;

/// <summary>The sound API over the scheduler with the shipped models/notes-vae (real ONNX Runtime, real finishing).</summary>
[Collection(OnnxRuntimeCollection.Name)]
public sealed class SoundGenerationServiceTests : IDisposable
{
    private readonly SoundVaeBatchGenerator _generator = (SoundVaeBatchGenerator)SoundModels.Open(RepoPaths.Model("notes-vae"));
    private readonly SoundGenerationService _service;

    public SoundGenerationServiceTests() => _service = new SoundGenerationService(_generator);

    public void Dispose() => _service.Dispose();

    /// <summary>Seeded latents on a 0.01 grid: the scheduler's 1e-4 quantisation leaves them as they are (to float rounding).</summary>
    internal static float[] Latent(int seed) => [.. SeededLatent.StandardNormal(seed, 16).Select(v => MathF.Round(v * 100) / 100)];

    [Fact]
    public async Task A_request_returns_the_finished_clip_the_direct_decoder_makes()
    {
        float[] clip = await _service.GenerateSoundAsync(Latent(1), SoundConditioning.Pitch(60), CancellationToken.None);

        Assert.Equal((48000, 98304), (_service.SampleRate, _service.ClipLength)); // 2.048 s at 48 kHz
        TestModels.AssertClose(_generator.Decoder.Decode(Latent(1), 60), clip, 1e-4f);
        double loudness = LoudnessMeter.Integrated(clip, 48000);
        Assert.True(Math.Abs(loudness + 18) < 0.05 || Math.Abs(clip.Max(Math.Abs) - 0.8913f) < 1e-3f, $"{loudness:F2} LUFS");
        Assert.Contains("notes-vae v1 decoder:", _service.ModelVersion, StringComparison.Ordinal);
        Assert.Contains("48000 Hz, -18 LUFS", _service.ModelVersion, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_requests_are_batched_and_repeats_are_cache_hits()
    {
        float[][] latents = [.. Enumerable.Range(10, 12).Select(Latent)];
        float[][] first = await Task.WhenAll(latents.Select(z => _service.GenerateSoundAsync(z, SoundConditioning.Pitch(48))));
        SchedulerMetrics afterFirst = _service.Metrics();
        float[][] again = await Task.WhenAll(latents.Select(z => _service.GenerateSoundAsync(z, SoundConditioning.Pitch(48))));

        Assert.Equal(12, afterFirst.RowsComputed);
        Assert.True(afterFirst.MeanBatchSize > 1, $"mean batch {afterFirst.MeanBatchSize}");
        for (int i = 0; i < latents.Length; i++)
        {
            TestModels.AssertClose(_generator.Decoder.Decode(latents[i], 48), first[i], 1e-3f); // batched ≈ alone
            Assert.Equal(first[i], again[i]);
        }
        SchedulerMetrics metrics = _service.Metrics();
        Assert.Equal(12, metrics.CacheHits);
        Assert.Equal(12, metrics.RowsComputed);
        Assert.True(metrics.CacheBytes >= 12L * 98304 * sizeof(float), "the cache holds finished 48 kHz clips");
    }

    [Fact]
    public void A_clip_is_the_same_bytes_whatever_batch_it_was_decoded_in()
    {
        // Recipes and studio codes regenerate byte for byte only if a row's clip does not depend on its batch neighbours:
        // the studio batches concurrent requests, the CLI decodes one at a time.
        float[][] rows = [.. Enumerable.Range(60, 5).Select(s => _generator.Decoder.DecoderInput(Latent(s), 48 + s % 12))];
        float[][] together = _generator.Decoder.DecodeBatch(rows);
        for (int i = 0; i < rows.Length; i++)
            Assert.Equal(_generator.Decoder.DecodeBatch([rows[i]])[0], together[i]);
    }

    [Fact]
    public async Task Requests_cancelled_before_their_batch_starts_are_never_computed()
    {
        // The worker is held inside its first batch of the 8 busy clips (no timing: under a loaded CI a short delay let
        // the 20 join that batch before they were cancelled), the 20 are queued and cancelled while they wait.
        var sound = (SoundVaeBatchGenerator)SoundModels.Open(RepoPaths.Model("notes-vae"));
        var gate = new RecordingGenerator(sound);
        using var service = new SoundGenerationService(new HeldSoundGenerator(sound, gate));
        gate.Hold();
        Task<float[]>[] busy = [.. Enumerable.Range(100, 8).Select(i => service.GenerateSoundAsync(Latent(i), SoundConditioning.Pitch(60)))];
        await gate.EnteredAsync();
        using var cts = new CancellationTokenSource();
        Task<float[]>[] dropped = [.. Enumerable.Range(200, 20).Select(i => service.GenerateSoundAsync(Latent(i), SoundConditioning.Pitch(60), cts.Token))];
        await cts.CancelAsync();
        gate.Release();
        await Task.WhenAll(busy);
        foreach (Task<float[]> task in dropped) await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);

        SchedulerMetrics metrics = service.Metrics();
        Assert.Equal(8, metrics.RowsComputed);
        Assert.Equal(8, gate.RowsGenerated);
        Assert.Equal(20, metrics.Cancelled);
        Task<float[]> already = service.GenerateSoundAsync(Latent(300), SoundConditioning.Pitch(60), cts.Token);
        Assert.True(already.IsCanceled);
    }

    /// <summary>The shipped sound generator's description with its Generate calls going through a held gate.</summary>
    private sealed class HeldSoundGenerator(SoundVaeBatchGenerator sound, RecordingGenerator gate) : ISoundBatchGenerator
    {
        public int LatentSize => sound.LatentSize;
        public int ConditioningSize => sound.ConditioningSize;
        public int OutputLength => sound.OutputLength;
        public string Version => sound.Version;
        public int SampleRate => sound.SampleRate;
        public SoundFinishing Finishing => sound.Finishing;
        public PitchRange? Pitch => sound.Pitch;
        public IReadOnlyList<string> Labels => sound.Labels;
        public float[][] Generate(ReadOnlySpan<float[]> latents, ReadOnlySpan<float[]> conditioning) => gate.Generate(latents, conditioning);
        public void Dispose() => gate.Dispose();   // disposes the sound generator
    }

    [Fact]
    public async Task Bad_requests_fail_alone_with_the_reason_and_the_service_keeps_serving()
    {
        SoundConditioning c4 = SoundConditioning.Pitch(60);
        var shortLatent = Refused<ArgumentException>(() => _service.GenerateSoundAsync(new float[15], c4));
        Assert.Contains("has 15 values; the model takes 16", shortLatent.Message, StringComparison.Ordinal);
        float[] nan = Latent(1);
        nan[3] = float.NaN;
        Assert.Contains("latent[3] is NaN", Refused<ArgumentException>(() => _service.GenerateSoundAsync(nan, c4)).Message, StringComparison.Ordinal);
        float[] inf = Latent(1);
        inf[0] = float.NegativeInfinity;
        Assert.Contains("latent[0] is -Infinity", Refused<ArgumentException>(() => _service.GenerateSoundAsync(inf, c4)).Message, StringComparison.Ordinal);
        var high = Refused<ArgumentOutOfRangeException>(() => _service.GenerateSoundAsync(Latent(1), SoundConditioning.Pitch(108)));
        Assert.Contains("MIDI pitch 108 is outside the trained range [24, 96]", high.Message, StringComparison.Ordinal);
        Assert.Contains("needs a MIDI pitch", Refused<ArgumentException>(() => _service.GenerateSoundAsync(Latent(1), SoundConditioning.None)).Message, StringComparison.Ordinal);
        Refused<ArgumentNullException>(() => _service.GenerateSoundAsync(null!, c4));

        float[] clip = await _service.GenerateSoundAsync(Latent(2), c4);
        Assert.Equal(_service.ClipLength, clip.Length);
        SchedulerMetrics metrics = _service.Metrics();
        Assert.Equal((1, 0, 1), (metrics.Requests, metrics.Failed, metrics.RowsComputed));
    }

    /// <summary>Bad input throws on the caller's thread, before a task exists: nothing was queued.</summary>
    private static T Refused<T>(Func<Task> call) where T : Exception => Assert.Throws<T>(() => { _ = call(); });

    [Fact]
    public async Task Hinted_latents_are_ready_before_they_are_asked_for()
    {
        float[][] path = [.. Enumerable.Range(40, 4).Select(Latent)];
        Assert.Equal(4, _service.Hint(path, SoundConditioning.Pitch(72)));
        await TestModels.EventuallyAsync(() => _service.Metrics().HintsComputed == 4, "hints computed");
        foreach (float[] z in path) await _service.GenerateSoundAsync(z, SoundConditioning.Pitch(72));
        SchedulerMetrics metrics = _service.Metrics();
        Assert.Equal((4L, 0L), (metrics.CacheHits, metrics.RowsComputed));
        Assert.Equal(0, _service.Hint(path, SoundConditioning.Pitch(72))); // already cached
    }

    [Fact]
    public async Task Another_output_rate_gives_clips_at_that_rate_and_rate_zero_is_refused_before_loading()
    {
        using var service = SoundGenerationService.Open(RepoPaths.Model("notes-vae"), new SoundFinishing(OutputRate: 44100));
        float[] clip = await service.GenerateSoundAsync(Latent(5), SoundConditioning.Pitch(60));
        Assert.Equal(90317, clip.Length); // 98,304 samples at 48 kHz resampled to 44.1 kHz
        Assert.Equal(44100, service.SampleRate);

        var zero = Assert.Throws<ArgumentOutOfRangeException>(() => SoundGenerationService.Open("/nonexistent/model", new SoundFinishing(OutputRate: 0)));
        Assert.Contains("output rate must be between 8000 and 384000 Hz, got 0", zero.Message, StringComparison.Ordinal);
    }
}

using GenWorld.Inference;
using GenWorld.Inference.Finishing;
using GenWorld.Inference.Generation;
using GenWorld.Inference.Models;
using GenWorld.Inference.Synthesis;

namespace GenWorld.Benchmarks.Inference;

/// <summary>
/// The full-band sound path (models/notes-vae: controls from decoder.onnx, the C# harmonic-plus-noise synthesiser,
/// finishing) against the 16 kHz notes-vae-16k (decoder + iSTFT + 16 → 48 kHz finishing) in the same run, batch 1, one
/// thread timed by its CPU clock (so other processes on the cores do not count), in finished 48 kHz samples per second;
/// then the synthesiser alone, and streaming: one voice rendered in 256-sample blocks (5.3 ms at 48 kHz), the 99th
/// percentile of a block's CPU time beside the block's duration. Targets: ≥ 5 M samples/s; block well under 10 ms.
/// </summary>
public sealed class FullBandSoundBenchmark : IBenchmark
{
    private const int StreamBlock = 256;

    /// <inheritdoc/>
    public string Name => "inference-full-band-sound";

    /// <inheritdoc/>
    public IEnumerable<BenchmarkResult> Run(BenchmarkOptions options)
    {
        double budget = options.Quick ? 0.5 : 2.0;
        double baseline = GenerateRate("notes-vae-16k", budget);
        double fullBand = GenerateRate("notes-vae", budget, out HarmonicNoiseSynthesizer synth, out float[] controls);
        var results = new List<BenchmarkResult>
        {
            new(Name, "notes-vae: controls + synthesis + finish, batch 1, 1 thread (CPU time)", fullBand, "samples/s", baseline,
                "notes-vae-16k: decoder + iSTFT + finish to 48 kHz", $"real-time factor {fullBand / 48000:F0}x; target 5 M samples/s"),
        };
        double synthSeconds = MedianTimer.Seconds(() => synth.Render(controls, 261.63, 7), budget, threadCpu: true);
        results.Add(new(Name, "harmonic-plus-noise synthesiser alone (middle C, 2.048 s clip), 1 thread", synth.ClipLength / synthSeconds, "samples/s",
            Note: $"{1000 * synthSeconds:F2} ms per clip"));
        var blocks = StreamBlocks(synth, controls);
        double block = 1000.0 * StreamBlock / synth.File.SampleRate;
        results.Add(new(Name, $"streaming voice, {StreamBlock}-sample blocks ({block:F1} ms), p99 block CPU time", blocks[(int)(blocks.Length * 0.99)], "ms",
            Note: $"median {blocks[blocks.Length / 2]:F3} ms per {block:F1} ms block"));
        return results;
    }

    private static double GenerateRate(string name, double budget) => GenerateRate(name, budget, out _, out _);

    private static double GenerateRate(string name, double budget, out HarmonicNoiseSynthesizer synth, out float[] controls)
    {
        using ModelFolder model = ModelFolder.Open(ShippedModels.Folder(name), new OrtSessionFactory(_ => { }), new OrtSessionSettings(DevicePreference.Cpu, IntraOpThreads: 1));
        using var generator = new SoundVaeBatchGenerator(model, SoundFinishing.Default, maxParallelism: 1);
        float[][] latent = [GenWorld.Core.Numerics.SeededLatent.StandardNormal(3, generator.LatentSize)];
        float[][] pitch = [generator.Pitch!.Value.OneHot(60)];
        double seconds = MedianTimer.Seconds(() => generator.Generate(latent, pitch), budget, threadCpu: true);
        synth = null!;
        controls = [];
        if (ModelAudio.For(model, "decoder") is SynthModelAudio audio)
        {
            synth = audio.Synthesizer;
            controls = Controls(model, [.. latent[0], .. pitch[0]]);
        }
        return generator.OutputLength / seconds;
    }

    private static float[] Controls(ModelFolder model, float[] input)
    {
        var session = model.Part("decoder").Session;
        using var value = Microsoft.ML.OnnxRuntime.OrtValue.CreateTensorValueFromMemory(input, [1, input.Length]);
        using var outputs = session.Run(new Microsoft.ML.OnnxRuntime.RunOptions(), [session.InputNames[0]], [value], [session.OutputNames[0]]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    private static double[] StreamBlocks(HarmonicNoiseSynthesizer synth, float[] controls)
    {
        var times = new List<double>();
        var block = new float[StreamBlock];
        for (int repeat = 0; repeat < 4; repeat++)
        {
            var voice = new SynthVoice(synth, controls, 261.63, (ulong)repeat, StreamBlock);
            while (!voice.Finished)
            {
                double start = Audio.ThreadCpuClock.Now();
                voice.Render(block);
                times.Add(1000 * (Audio.ThreadCpuClock.Now() - start));
            }
        }
        times.Sort();
        return [.. times];
    }
}

using GenWorld.Training.Models;

namespace GenWorld.Benchmarks.Inference;

/// <summary>
/// The 16 kHz notes-vae-16k decoder (latent + pitch one-hot → 2×128×256 spectrogram, i.e. one 16,384-sample clip) in ONNX Runtime
/// against the same network and weights in TorchSharp eager, batch 1/8/64, one thread and all cores (target: ORT ≥ 2×).
/// </summary>
public sealed class SoundDecoderOrtVsTorchBenchmark : IBenchmark
{
    /// <inheritdoc/>
    public string Name => "inference-ort-vs-torch-sound";

    /// <inheritdoc/>
    public IEnumerable<BenchmarkResult> Run(BenchmarkOptions options)
    {
        using SoundVae vae = ShippedModels.NotesVae();
        SoundVaeConfig config = vae.Config;
        int samplesPerClip = config.Frames * 128; // hop 128 at 16 kHz
        var compare = new OrtVsTorch(Path.Combine(ShippedModels.Folder("notes-vae-16k"), "decoder.onnx"), vae.Decoder, batch => [batch, config.DecoderInputSize]);
        double parity = compare.Parity(batch: 4, tolerance: 1e-3);
        var results = new List<BenchmarkResult>();
        foreach (int threads in new[] { 1, 0 })
            foreach (int batch in new[] { 1, 8, 64 })
            {
                (double ort, double torch) = compare.Time(batch, threads, options.Quick ? 0.2 : 0.6);
                double ortRate = batch * samplesPerClip / ort, torchRate = batch * samplesPerClip / torch;
                results.Add(new(Name, $"decoder batch {batch}, {(threads == 1 ? "1 thread (CPU time)" : $"{Environment.ProcessorCount} threads")}", ortRate, "samples/s",
                    torchRate, "TorchSharp eager", $"ORT speed-up; {ort * 1000 / batch:F2} vs {torch * 1000 / batch:F2} ms/clip; real time {ortRate / 16000:F0}x vs {torchRate / 16000:F0}x at 16 kHz, decoder only; parity max |Δ| {parity:G2}"));
            }
        return results;
    }
}

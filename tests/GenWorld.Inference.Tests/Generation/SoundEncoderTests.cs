using GenWorld.Core.Audio;
using GenWorld.Core.Numerics;
using GenWorld.Inference.Finishing;
using GenWorld.Inference.Generation;
using GenWorld.Inference.Models;

namespace GenWorld.Inference.Tests.Generation;

/// <summary>The notes-vae encoder behind <c>generate sound --between</c>: recordings land where the decoder put them.</summary>
[Collection(OnnxRuntimeCollection.Name)]
public sealed class SoundEncoderTests : IDisposable
{
    private readonly ModelFolder _model = ModelFolder.Open(RepoPaths.Model("notes-vae"), new OrtSessionFactory(_ => { }));

    public void Dispose() => _model.Dispose();

    [Fact]
    public void A_decoded_sound_encodes_closer_to_its_own_latent_than_to_the_others()
    {
        var encoder = new SoundEncoder(_model);
        var decoder = new SoundDecoder(_model, new SoundFinishing(OutputRate: 44100)); // the encoder resamples back to 16 kHz
        // Latents where the encoder put real notes (the model's latent-prior.json): standard-normal draws land in
        // regions it never trained on, where decoding is not inverted (the posterior fills only part of N(0, I)).
        LatentPrior? prior = LatentPrior.LoadFrom(_model.Path);
        float[][] latents = [.. Enumerable.Range(1, 4).Select(s => LatentPrior.SampleOrStandard(prior, s, 16))];
        float[][] encoded = [.. latents.Select(z => encoder.Encode(new AudioClip(decoder.Decode(z, 60), 1, 44100)))];

        for (int i = 0; i < latents.Length; i++)
        {
            double own = Distance(encoded[i], latents[i]);
            for (int j = 0; j < latents.Length; j++)
                if (j != i) Assert.True(own < Distance(encoded[i], latents[j]), $"clip {i} encodes nearer latent {j} ({Distance(encoded[i], latents[j]):F2}) than its own ({own:F2})");
        }
    }

    [Fact]
    public void Empty_or_non_finite_audio_is_refused()
    {
        var encoder = new SoundEncoder(_model);
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => encoder.Encode(new AudioClip([], 1, 16000))).Message, StringComparison.Ordinal);
        var samples = new float[16000];
        samples[7] = float.NaN;
        Assert.Contains("sample 7 is NaN", Assert.Throws<ArgumentException>(() => encoder.Encode(new AudioClip(samples, 1, 16000))).Message, StringComparison.Ordinal);
    }

    private static double Distance(float[] a, float[] b) => Math.Sqrt(a.Zip(b).Sum(p => (p.First - p.Second) * (double)(p.First - p.Second)));
}

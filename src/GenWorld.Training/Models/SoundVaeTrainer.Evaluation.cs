using GenWorld.Core.Audio;
using GenWorld.Core.Dsp;
using GenWorld.Training.Data;
using static TorchSharp.torch;

namespace GenWorld.Training.Models;

/// <summary>Held-out metrics and previews of <see cref="SoundVaeTrainer"/>.</summary>
public sealed partial class SoundVaeTrainer
{
    /// <inheritdoc />
    /// <remarks>
    /// ELBO in nats per clip under p(x|z) = N(decoder(z), σ²I) over all 2·F·B representation values, one z ~ q(z|x).
    /// Spectral distance after inversion (decoder(μ) → one iSTFT) against the clip's waveform; the baseline is the
    /// mean training representation of the same pitch (all training clips when unlabelled), inverted the same way.
    /// </remarks>
    public IReadOnlyDictionary<string, double> Evaluate()
    {
        Model.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        PreparedClip[] clips = [.. _heldOut.Take(_options.MaxEvaluationClips)];
        double sigma = _options.LikelihoodSigma, elbo = 0, distance = 0, baseline = 0, mse = 0, baselineMse = 0;
        foreach (PreparedClip[] chunk in clips.Chunk(8))
        {
            var (_, _, kl, _) = Losses(chunk, sample: false);
            Tensor x = Batch(chunk);
            Tensor stats = Model.Encoder.forward(x);
            int l = Model.Config.LatentSize;
            Tensor z = stats[.., ..l].add(stats[.., l..].clamp(_minLogVar, _maxLogVar).mul(_half).exp().mul(randn_like(stats[.., ..l])));
            Tensor sq = (Model.Decode(z, Pitches(chunk)) - x).square().sum([1, 2, 3]);
            Tensor logLik = -sq / (2 * sigma * sigma) - _representation.Size * (Math.Log(sigma) + 0.5 * Math.Log(2 * Math.PI));
            elbo += (logLik.sum() - kl * chunk.Length).item<float>();
            Tensor recon = Model.Decode(stats[.., ..l], Pitches(chunk));
            mse += (recon - x).square().mean([1, 2, 3]).sum().item<float>();
            float[] flat = recon.contiguous().data<float>().ToArray();
            for (int i = 0; i < chunk.Length; i++)
            {
                float[] wave = _representation.Inverse(flat.AsSpan(i * _representation.Size, _representation.Size));
                distance += MultiScaleSpectralDistance.Compute(chunk[i].Waveform, wave);
                float[] mean = MeanRepresentation(chunk[i].Pitch);
                baseline += MultiScaleSpectralDistance.Compute(chunk[i].Waveform, _representation.Inverse(mean));
                baselineMse += mean.Zip(chunk[i].Representation, (a, b) => (double)(a - b) * (a - b)).Average();
            }
        }
        int n = clips.Length;
        return new Dictionary<string, double>
        {
            ["heldOutClips"] = n, ["heldOutElboNatsPerClip"] = elbo / n, ["heldOutReconMse"] = mse / n,
            ["baselineReconMse"] = baselineMse / n,
            // The baseline as a decoder with no latent: its Gaussian log-likelihood is an ELBO with KL = 0.
            ["baselineLogLikNatsPerClip"] = -_representation.Size * (baselineMse / n / (2 * sigma * sigma) + Math.Log(sigma) + 0.5 * Math.Log(2 * Math.PI)),
            ["heldOutSpectralDistance"] = distance / n, ["baselineSpectralDistance"] = baseline / n,
            ["likelihoodSigma"] = sigma, ["trainClips"] = _train.Length,
        };
    }

    /// <summary>Mean training representation over clips of this pitch (or all clips).</summary>
    private float[] MeanRepresentation(int? pitch)
    {
        var same = _train.Where(c => pitch is null || c.Pitch == pitch).ToList();
        if (same.Count == 0) same = [.. _train];
        var mean = new float[_representation.Size];
        foreach (PreparedClip c in same)
            for (int i = 0; i < mean.Length; i++) mean[i] += c.Representation[i] / same.Count;
        return mean;
    }

    /// <inheritdoc />
    /// <remarks>grid.wav: for up to 3 held-out clips the original then its reconstruction, then 3 draws from the prior; 0.25 s gaps.</remarks>
    public void WritePreview(string dir, long step)
    {
        Model.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        PreparedClip[] clips = [.. _heldOut.Take(3)];
        var parts = new List<float[]>();
        Tensor stats = Model.Encoder.forward(Batch(clips));
        int l = Model.Config.LatentSize;
        float[] recon = Model.Decode(stats[.., ..l], Pitches(clips)).contiguous().data<float>().ToArray();
        for (int i = 0; i < clips.Length; i++)
        {
            parts.Add(clips[i].Waveform);
            parts.Add(_representation.Inverse(recon.AsSpan(i * _representation.Size, _representation.Size)));
        }
        float[] prior = Model.Decode(randn(clips.Length, l), Pitches(clips)).contiguous().data<float>().ToArray();
        for (int i = 0; i < clips.Length; i++)
            parts.Add(_representation.Inverse(prior.AsSpan(i * _representation.Size, _representation.Size)));
        int gap = _representation.SampleRate / 4;
        var grid = new List<float>();
        foreach (float[] p in parts)
        {
            float peak = Math.Max(1f, p.Max(MathF.Abs));
            grid.AddRange(p.Select(v => v / peak));
            grid.AddRange(new float[gap]);
        }
        Directory.CreateDirectory(dir);
        WavFile.Write(Path.Combine(dir, "grid.wav"), new AudioClip([.. grid], 1, _representation.SampleRate));
        Model.train();
    }
}

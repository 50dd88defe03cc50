using System.Text.Json;
using GenWorld.Core.IO;

namespace GenWorld.Core.Numerics;

/// <summary>
/// latent-prior.json of a sound VAE folder: a diagonal Gaussian mixture fitted to the encoder's posterior means over the
/// training clips (the aggregate posterior), which random samples are drawn from instead of N(0, I). Why: a VAE's KL term
/// never makes the codes it uses fill N(0, I) (notes-vae: KL 20 nats over 16 values), so standard-normal draws land
/// where the decoder was never trained; RAVE likewise samples through a prior fitted to its encoder's codes afterwards.
/// A folder without the file samples N(0, I) exactly as before (<see cref="SeededLatent"/>).
/// </summary>
public sealed record LatentPrior(IReadOnlyList<LatentPrior.Component> Components, int TrainingClips, string Fitted)
{
    /// <summary>File name inside a model folder.</summary>
    public const string FileName = "latent-prior.json";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = false };

    /// <summary>
    /// One Gaussian of the mixture: its weight, mean and per-value standard deviation, and, for a pitch-conditioned VAE,
    /// the mean and spread (semitones) of the MIDI pitches of the training clips it holds (null when not fitted).
    /// </summary>
    public sealed record Component(double Weight, float[] Mean, float[] Std, double? PitchMean = null, double? PitchStd = null);

    /// <summary>Latent width.</summary>
    public int LatentSize => Components[0].Mean.Length;

    /// <summary>Whether every component knows the pitches of its clips, so a draw can be matched to a pitch.</summary>
    public bool KnowsPitch => Components.All(c => c.PitchMean is not null && c.PitchStd is not null);

    /// <summary>
    /// One latent from <c>new Random(seed)</c>: a component by weight, then its mean plus its spread times N(0, 1). With
    /// <paramref name="pitch"/> and a prior that <see cref="KnowsPitch"/>, components are weighted by how likely they are
    /// to hold a clip at that pitch (p(k | pitch)), so a sound is not drawn from a part of the space that only ever held
    /// other registers (a bass timbre asked for at MIDI 96 was the commonest way a random sample gave itself away).
    /// </summary>
    public float[] Sample(int seed, int? pitch = null)
    {
        var random = new Random(seed);
        double[] weights = Weights(pitch);
        // The fitted weights sum to 1 (within 1e-3): a plain draw picks exactly as before pitches were known.
        double pick = random.NextDouble() * (pitch is null || !KnowsPitch ? 1 : weights.Sum()), sum = 0;
        Component chosen = Components[^1];
        for (int k = 0; k < Components.Count; k++)
        {
            sum += weights[k];
            if (pick < sum) { chosen = Components[k]; break; }
        }
        float[] noise = SeededLatent.StandardNormal(random.Next(), LatentSize);
        for (int i = 0; i < noise.Length; i++) noise[i] = chosen.Mean[i] + (chosen.Std[i] * noise[i]);
        return noise;
    }

    private double[] Weights(int? pitch)
    {
        double[] weights = [.. Components.Select(c => c.Weight)];
        if (pitch is not int p || !KnowsPitch) return weights;
        var matched = new double[weights.Length];
        for (int k = 0; k < weights.Length; k++)
        {
            double std = Math.Max(1, Components[k].PitchStd!.Value), z = (p - Components[k].PitchMean!.Value) / std;
            matched[k] = weights[k] * Math.Exp(-0.5 * z * z) / std;
        }
        // A pitch no component held (far outside the training range) falls back to the plain weights.
        return matched.Sum() > 1e-12 ? matched : weights;
    }

    /// <summary>
    /// Each component's share of <paramref name="latent"/> (the E step of the fit: posterior probabilities, summing to 1).
    /// </summary>
    public double[] Responsibilities(float[] latent)
    {
        ArgumentNullException.ThrowIfNull(latent);
        var log = new double[Components.Count];
        for (int k = 0; k < log.Length; k++)
        {
            Component c = Components[k];
            double l = Math.Log(c.Weight + 1e-300);
            for (int j = 0; j < latent.Length; j++)
            {
                double std = Math.Max(c.Std[j], 1e-6), diff = (latent[j] - c.Mean[j]) / std;
                l -= (0.5 * diff * diff) + Math.Log(std);
            }
            log[k] = l;
        }
        double best = log.Max(), total = 0;
        for (int k = 0; k < log.Length; k++) total += log[k] = Math.Exp(log[k] - best);
        for (int k = 0; k < log.Length; k++) log[k] /= total;
        return log;
    }

    /// <summary>
    /// This prior with each component's pitch mean and spread fitted to the training clips' codes and MIDI pitches
    /// (weighted by <see cref="Responsibilities"/>; spreads at least one semitone).
    /// </summary>
    public LatentPrior WithPitches(IReadOnlyList<float[]> codes, IReadOnlyList<int> pitches)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(pitches);
        if (codes.Count != pitches.Count || codes.Count == 0) throw new ArgumentException($"{codes.Count} codes and {pitches.Count} pitches: need one pitch per code.", nameof(pitches));
        int m = Components.Count;
        double[] mass = new double[m], sum = new double[m], squares = new double[m];
        for (int i = 0; i < codes.Count; i++)
        {
            double[] r = Responsibilities(codes[i]);
            for (int k = 0; k < m; k++)
            {
                mass[k] += r[k];
                sum[k] += r[k] * pitches[i];
                squares[k] += r[k] * pitches[i] * pitches[i];
            }
        }
        double overall = pitches.Average();
        return this with
        {
            Components = [.. Components.Select((c, k) =>
            {
                double mean = mass[k] > 1e-9 ? sum[k] / mass[k] : overall;
                double variance = mass[k] > 1e-9 ? Math.Max(0, (squares[k] / mass[k]) - (mean * mean)) : 144;
                return c with { PitchMean = mean, PitchStd = Math.Max(1, Math.Sqrt(variance)) };
            })],
            Fitted = Fitted + "; pitch per component from the same clips' MIDI pitches",
        };
    }

    /// <summary>
    /// Random latent <paramref name="seed"/> of a model: through <paramref name="prior"/> when it has one (matched to
    /// <paramref name="pitch"/> when the prior knows pitches), else N(0, I).
    /// </summary>
    public static float[] SampleOrStandard(LatentPrior? prior, int seed, int latentSize, int? pitch = null) =>
        prior is not null && prior.LatentSize == latentSize ? prior.Sample(seed, pitch) : SeededLatent.StandardNormal(seed, latentSize);

    /// <summary>Problems, each naming the field.</summary>
    public IReadOnlyList<string> Validate()
    {
        var e = new List<string>();
        if (Components is null || Components.Count is < 1 or > 4096) { e.Add("components: must hold 1..4096 Gaussians."); return e; }
        int size = Components[0].Mean?.Length ?? 0;
        if (size is < 1 or > 4096) e.Add("components[0].mean: must hold 1..4096 values.");
        foreach (Component c in Components)
        {
            if (c.Mean?.Length != size || c.Std?.Length != size) { e.Add($"components: every mean and std must hold {size} values."); break; }
            if (!(c.Weight is >= 0 and <= 1) || c.Mean.Concat(c.Std).Any(v => !float.IsFinite(v)) || c.Std.Any(v => v < 0)) { e.Add("components: weights in 0..1, finite means, finite non-negative spreads."); break; }
            if (c.PitchMean is double pm && !(double.IsFinite(pm) && pm is >= 0 and <= 127) || c.PitchStd is double ps && !(double.IsFinite(ps) && ps > 0)) { e.Add("components: pitchMean in 0..127 and pitchStd above 0 where given."); break; }
        }
        if (e.Count == 0 && Math.Abs(Components.Sum(c => c.Weight) - 1) > 1e-3) e.Add("components: weights must sum to 1.");
        return e;
    }

    /// <summary>Writes the file atomically.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, Json));

    /// <summary>The prior in <paramref name="folder"/>, or null when it has none; a damaged file names itself and the field.</summary>
    public static LatentPrior? LoadFrom(string folder)
    {
        string path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return null;
        LatentPrior? prior;
        try { prior = JsonSerializer.Deserialize<LatentPrior>(File.ReadAllText(path), Json); }
        catch (JsonException e) { throw new InvalidDataException($"{path}: not a valid {FileName} ({e.Message}).", e); }
        if (prior is null) throw new InvalidDataException($"{path}: empty {FileName}.");
        if (prior.Validate() is { Count: > 0 } errors) throw new InvalidDataException($"{path}: " + string.Join(" ", errors));
        return prior;
    }
}

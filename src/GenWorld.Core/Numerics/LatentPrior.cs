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

    /// <summary>One Gaussian of the mixture: its weight, mean and per-value standard deviation.</summary>
    public sealed record Component(double Weight, float[] Mean, float[] Std);

    /// <summary>Latent width.</summary>
    public int LatentSize => Components[0].Mean.Length;

    /// <summary>One latent from <c>new Random(seed)</c>: a component by weight, then its mean plus its spread times N(0, 1).</summary>
    public float[] Sample(int seed)
    {
        var random = new Random(seed);
        double pick = random.NextDouble(), sum = 0;
        Component chosen = Components[^1];
        foreach (Component c in Components)
        {
            sum += c.Weight;
            if (pick < sum) { chosen = c; break; }
        }
        float[] noise = SeededLatent.StandardNormal(random.Next(), LatentSize);
        for (int i = 0; i < noise.Length; i++) noise[i] = chosen.Mean[i] + (chosen.Std[i] * noise[i]);
        return noise;
    }

    /// <summary>Random latent <paramref name="seed"/> of a model: through <paramref name="prior"/> when it has one, else N(0, I).</summary>
    public static float[] SampleOrStandard(LatentPrior? prior, int seed, int latentSize) =>
        prior is not null && prior.LatentSize == latentSize ? prior.Sample(seed) : SeededLatent.StandardNormal(seed, latentSize);

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

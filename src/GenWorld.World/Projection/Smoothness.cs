using System.Numerics;
using GenWorld.Core.Dsp;
using GenWorld.Inference.Generation;

namespace GenWorld.World.Projection;

/// <summary>Spectral change per unit of movement along straight walks through the field.</summary>
/// <param name="Walks">Walks taken.</param>
/// <param name="Steps">Steps measured (pairs of neighbouring decodes).</param>
/// <param name="StepLength">World units per step.</param>
/// <param name="MeanPerUnit">Mean multi-scale spectral distance per world unit.</param>
/// <param name="P99PerUnit">99th percentile of the same.</param>
/// <param name="MaxPerUnit">Largest step's change per unit; a jump shows up here as a spike over the mean.</param>
/// <param name="NearestAnchorMeanPerUnit">Baseline on the same walks: the latent of the nearest anchor (a field with jumps), mean.</param>
/// <param name="NearestAnchorMaxPerUnit">The same baseline's largest step.</param>
public sealed record SmoothnessReport(int Walks, int Steps, float StepLength, double MeanPerUnit, double P99PerUnit, double MaxPerUnit,
    double NearestAnchorMeanPerUnit, double NearestAnchorMaxPerUnit)
{
    /// <summary>Max over mean: near 1–3 for a smooth field, large when one step jumps.</summary>
    public double JumpRatio => MeanPerUnit > 0 ? MaxPerUnit / MeanPerUnit : 0;
}

/// <summary>
/// Measures smoothness: seeded random straight walks starting at anchors, the field's latent decoded at every step
/// (one fixed pitch for pitched models, so only the latent changes), and the multi-scale spectral distance
/// (Core.Dsp) between neighbouring steps divided by the step length.
/// </summary>
public static class Smoothness
{
    /// <summary>Runs <paramref name="walks"/> walks of <paramref name="steps"/> steps of <paramref name="stepLength"/> units.</summary>
    public static SmoothnessReport Measure(LatentProjection projection, SoundDecoder decoder, int? pitch, int walks = 8, int steps = 32, float stepLength = 0.25f, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(decoder);
        ArgumentOutOfRangeException.ThrowIfLessThan(walks, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        if (!(stepLength > 0)) throw new ArgumentOutOfRangeException(nameof(stepLength), stepLength, "must be positive.");
        var random = new Random(seed);
        var perUnit = new List<double>();
        var nearestPerUnit = new List<double>();
        for (int w = 0; w < walks; w++)
        {
            Vector3 start = projection.Positions[random.Next(projection.Positions.Count)];
            Vector3 direction = RandomDirection(random);
            float[] previous = decoder.Decode(projection.Inverse(start), pitch);
            int previousAnchor = projection.NearestAnchor(start);
            float[] previousNearest = decoder.Decode(projection.AnchorLatent(previousAnchor), pitch);
            for (int s = 1; s <= steps; s++)
            {
                Vector3 at = start + (direction * (s * stepLength));
                float[] current = decoder.Decode(projection.Inverse(at), pitch);
                perUnit.Add(MultiScaleSpectralDistance.Compute(previous, current) / stepLength);
                previous = current;
                int anchor = projection.NearestAnchor(at);
                if (anchor != previousAnchor)
                {
                    float[] next = decoder.Decode(projection.AnchorLatent(anchor), pitch);
                    nearestPerUnit.Add(MultiScaleSpectralDistance.Compute(previousNearest, next) / stepLength);
                    (previousAnchor, previousNearest) = (anchor, next);
                }
                else nearestPerUnit.Add(0);
            }
        }
        perUnit.Sort();
        return new SmoothnessReport(walks, perUnit.Count, stepLength, perUnit.Average(),
            perUnit[Math.Clamp((int)Math.Ceiling(0.99 * perUnit.Count) - 1, 0, perUnit.Count - 1)], perUnit[^1],
            nearestPerUnit.Average(), nearestPerUnit.Max());
    }

    private static Vector3 RandomDirection(Random random)
    {
        while (true)
        {
            var v = new Vector3(random.NextSingle() * 2 - 1, random.NextSingle() * 2 - 1, random.NextSingle() * 2 - 1);
            float l = v.Length();
            if (l is > 0.1f and <= 1f) return v / l;
        }
    }
}

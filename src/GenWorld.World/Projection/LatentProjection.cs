using System.Numerics;
using GenWorld.World.Anchors;

namespace GenWorld.World.Projection;

/// <summary>
/// Latent space ↔ walkable 3D space. Forward: the top three principal components, scaled isotropically (PC1 → x,
/// PC2 → z, PC3 → y, so the flattest spread is height). Inverse, defined at every position and continuous: the PCA
/// reconstruction plus a blend of nearby anchors' residuals (the part PCA drops) with a compact C² kernel
/// (1 − d²/R²)³ and a constant "empty" weight, so the latent at an anchor leans to that anchor's real latent and
/// empty space fades smoothly to the PCA plane. Residuals are orthogonal to the three axes, so
/// Forward(Inverse(p)) = p exactly.
/// </summary>
public sealed class LatentProjection
{
    private static readonly int[] WorldOrder = [0, 2, 1]; // PC1 → x, PC3 → y (height), PC2 → z
    private readonly int _width;
    private readonly float[] _mean;
    private readonly float[][] _axes; // three unit axes, in world order x, y, z
    private readonly float[] _residuals;
    private readonly float _emptyWeight;

    private LatentProjection(AnchorSet anchors, Pca pca, float scale, ProjectionOptions options)
    {
        _width = anchors.LatentSize;
        if (_width < 3) throw new ArgumentException($"latents of {_width} values cannot span three axes.", nameof(anchors));
        _mean = [.. pca.Mean.Select(v => (float)v)];
        _axes = [.. WorldOrder.Select(k => pca.Axes[k].Select(v => (float)v).ToArray())];
        Scale = scale;
        ExplainedVariance = pca.ExplainedShare(3);
        _emptyWeight = options.EmptyWeight;
        int n = anchors.Count;
        var positions = new Vector3[n];
        _residuals = new float[n * _width];
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<float> latent = anchors.Latent(i);
            positions[i] = Forward(latent);
            Span<float> residual = _residuals.AsSpan(i * _width, _width);
            PcaReconstruct(positions[i], residual);
            for (int c = 0; c < _width; c++) residual[c] = latent[c] - residual[c];
        }
        Positions = positions;
        KernelRadius = options.KernelRadius ?? AutoKernelRadius(positions, options.WorldRadius);
        Grid = new SpatialGrid(positions, KernelRadius);
    }

    /// <summary>World units per latent unit along the axes.</summary>
    public float Scale { get; }

    /// <summary>Share of the latent variance the three axes hold.</summary>
    public double ExplainedVariance { get; }

    /// <summary>Reach of an anchor's residual in world units.</summary>
    public float KernelRadius { get; }

    /// <summary>Each anchor's position, by anchor index.</summary>
    public IReadOnlyList<Vector3> Positions { get; }

    /// <summary>The anchors bucketed by position (cell = kernel radius).</summary>
    public SpatialGrid Grid { get; }

    /// <summary>Values per latent.</summary>
    public int LatentSize => _width;

    /// <summary>Fits the projection to an anchor set (deterministic).</summary>
    public static LatentProjection Build(AnchorSet anchors, ProjectionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        options ??= new ProjectionOptions();
        options.Validate();
        Pca pca = Pca.Fit(anchors.AllLatents, anchors.LatentSize);
        double sigma = Math.Sqrt(Math.Max(pca.Variances[0], 1e-12));
        return new LatentProjection(anchors, pca, (float)(options.WorldRadius / (3 * sigma)), options);
    }

    /// <summary>Where a latent sits in the world.</summary>
    public Vector3 Forward(ReadOnlySpan<float> latent)
    {
        if (latent.Length != _width) throw new ArgumentException($"latent has {latent.Length} values; the field's has {_width}.", nameof(latent));
        Span<float> p = stackalloc float[3];
        for (int k = 0; k < 3; k++)
        {
            float dot = 0;
            for (int c = 0; c < _width; c++) dot += (latent[c] - _mean[c]) * _axes[k][c];
            p[k] = dot * Scale;
        }
        return new Vector3(p[0], p[1], p[2]);
    }

    /// <summary>The latent at any position (PCA plane + blended anchor residuals); continuous in the position.</summary>
    public void Inverse(Vector3 position, Span<float> latent)
    {
        if (latent.Length != _width) throw new ArgumentException($"latent has {latent.Length} values; the field's has {_width}.", nameof(latent));
        if (!float.IsFinite(position.X) || !float.IsFinite(position.Y) || !float.IsFinite(position.Z))
            throw new ArgumentException($"position {position} is not finite.", nameof(position));
        PcaReconstruct(position, latent);
        var near = new List<(int Index, float DistanceSquared)>();
        Grid.Query(position, KernelRadius, near);
        if (near.Count == 0) return;
        float r2 = KernelRadius * KernelRadius, total = _emptyWeight;
        Span<float> blend = stackalloc float[_width];
        blend.Clear();
        foreach ((int index, float d2) in near)
        {
            float u = 1 - (d2 / r2);
            float w = u * u * u;
            total += w;
            ReadOnlySpan<float> residual = _residuals.AsSpan(index * _width, _width);
            for (int c = 0; c < _width; c++) blend[c] += w * residual[c];
        }
        for (int c = 0; c < _width; c++) latent[c] += blend[c] / total;
    }

    /// <summary>The latent at a position, as a new array.</summary>
    public float[] Inverse(Vector3 position)
    {
        var latent = new float[_width];
        Inverse(position, latent);
        return latent;
    }

    /// <summary>The PCA reconstruction alone at a position (no residuals): the baseline the residual blend improves on.</summary>
    public float[] PlaneLatent(Vector3 position)
    {
        var latent = new float[_width];
        PcaReconstruct(position, latent);
        return latent;
    }

    /// <summary>Index of the anchor nearest to <paramref name="position"/>.</summary>
    public int NearestAnchor(Vector3 position)
    {
        for (float r = KernelRadius; ; r *= 2)
        {
            var near = Grid.Nearest(position, r, 1);
            if (near.Count == 1) return near[0].Index;
        }
    }

    /// <summary>An anchor's own latent (PCA reconstruction of its position plus its full residual).</summary>
    public float[] AnchorLatent(int index)
    {
        var latent = new float[_width];
        PcaReconstruct(Positions[index], latent);
        for (int c = 0; c < _width; c++) latent[c] += _residuals[(index * _width) + c];
        return latent;
    }

    private void PcaReconstruct(Vector3 position, Span<float> latent)
    {
        float x = position.X / Scale, y = position.Y / Scale, z = position.Z / Scale;
        for (int c = 0; c < _width; c++) latent[c] = _mean[c] + (x * _axes[0][c]) + (y * _axes[1][c]) + (z * _axes[2][c]);
    }

    /// <summary>1.5 × the median distance to the 8th nearest anchor over an evenly spaced sample of anchors.</summary>
    private static float AutoKernelRadius(Vector3[] positions, float worldRadius)
    {
        if (positions.Length < 10) return worldRadius / 4;
        var grid = new SpatialGrid(positions, worldRadius / 20);
        int samples = Math.Min(positions.Length, 1000);
        var eighth = new List<float>(samples);
        for (int s = 0; s < samples; s++)
        {
            Vector3 p = positions[(int)((long)s * positions.Length / samples)];
            for (float r = worldRadius / 20; ; r *= 2)
            {
                var near = grid.Nearest(p, r, 9);
                if (near.Count == 9 || r > worldRadius * 8) { eighth.Add(MathF.Sqrt(near[^1].DistanceSquared)); break; }
            }
        }
        eighth.Sort();
        return Math.Max(1.5f * eighth[eighth.Count / 2], 1e-3f);
    }
}

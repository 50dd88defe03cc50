using System.Numerics;
using GenWorld.World.Projection;

namespace GenWorld.World.Tests;

[Collection(NativeCollection.Name)]
public sealed class ProjectionTests(ShippedField field)
{
    [Fact]
    public void The_projection_is_deterministic()
    {
        LatentProjection again = LatentProjection.Build(field.Anchors);
        Assert.Equal(field.Projection.Positions, again.Positions);
        Assert.Equal(field.Projection.KernelRadius, again.KernelRadius);
    }

    [Fact]
    public void Forward_of_inverse_is_the_position_everywhere()
    {
        LatentProjection p = field.Projection;
        var random = new Random(5);
        for (int i = 0; i < 500; i++)
        {
            var position = new Vector3(random.NextSingle() - 0.5f, random.NextSingle() - 0.5f, random.NextSingle() - 0.5f) * 90f;
            Assert.True((p.Forward(p.Inverse(position)) - position).Length() < 1e-3f, $"round trip of {position} drifted");
        }
    }

    [Fact]
    public void The_latent_at_an_anchor_leans_to_its_real_latent()
    {
        LatentProjection p = field.Projection;
        double blend = 0, plane = 0;
        for (int i = 0; i < field.Anchors.Count; i += 37)
        {
            float[] atAnchor = p.Inverse(p.Positions[i]), onPlane = p.PlaneLatent(p.Positions[i]);
            ReadOnlySpan<float> truth = field.Anchors.Latent(i);
            for (int c = 0; c < truth.Length; c++)
            {
                blend += Math.Pow(atAnchor[c] - truth[c], 2);
                plane += Math.Pow(onPlane[c] - truth[c], 2);
            }
        }
        Assert.True(blend < 0.7 * plane, $"residual blend error {blend:F1} vs PCA plane {plane:F1}");
    }

    [Fact]
    public void Small_moves_give_small_latent_changes_with_no_jumps()
    {
        LatentProjection p = field.Projection;
        var random = new Random(9);
        double worst = 0;
        for (int i = 0; i < 2000; i++)
        {
            Vector3 a = p.Positions[random.Next(p.Positions.Count)] + new Vector3(random.NextSingle(), random.NextSingle(), random.NextSingle());
            Vector3 b = a + (Vector3.Normalize(new Vector3(random.NextSingle() - 0.5f, random.NextSingle() - 0.5f, random.NextSingle() - 0.5f)) * 0.01f);
            float[] la = p.Inverse(a), lb = p.Inverse(b);
            worst = Math.Max(worst, Math.Sqrt(la.Zip(lb, (x, y) => (double)(x - y) * (x - y)).Sum()) / 0.01);
        }
        // A Lipschitz bound in latent units per world unit (measured 4.0 at the steepest kernel edge; the PCA plane alone is
        // 1/Scale ≈ 0.15). A jump would show up as ~(jump size)/0.01 here, hundreds.
        Assert.True(worst < 8, $"steepest latent change {worst:F2} per world unit (scale {p.Scale:F2})");
    }

    [Fact]
    public void Trustworthiness_at_10_beats_a_random_projection_on_the_real_anchors()
    {
        double pca = Trustworthiness.Compute(field.Anchors.AllLatents, 16, field.Projection.Positions, 10, sample: 600);
        double random = Trustworthiness.RandomProjectionBaseline(field.Anchors.AllLatents, 16, 10, sample: 600);
        Assert.InRange(pca, 0.95, 1.0); // 0.984 over all 9,282 (anchors.json)
        // The full-band VAE's codes lie near a 3-D subspace (PCA keeps 88 % of their variance), so even a random
        // projection keeps most neighbours (0.940); PCA loses less than half as many.
        Assert.True(1 - pca < 0.5 * (1 - random), $"PCA {pca:F3} vs random {random:F3}");
    }

    [Fact]
    public void Trustworthiness_is_one_for_an_exact_copy_and_about_a_half_for_a_shuffle()
    {
        var random = new Random(2);
        int n = 400;
        var high = new float[n * 3];
        for (int i = 0; i < high.Length; i++) high[i] = random.NextSingle();
        Vector3[] same = [.. Enumerable.Range(0, n).Select(i => new Vector3(high[i * 3], high[(i * 3) + 1], high[(i * 3) + 2]))];
        Assert.Equal(1.0, Trustworthiness.Compute(high, 3, same, 10), 9);
        Vector3[] shuffled = [.. same.OrderBy(_ => random.Next())];
        Assert.InRange(Trustworthiness.Compute(high, 3, shuffled, 10), 0.4, 0.6);
    }
}

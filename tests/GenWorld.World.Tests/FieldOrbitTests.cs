using System.Numerics;
using GenWorld.World.Cameras;

namespace GenWorld.World.Tests;

public sealed class FieldOrbitTests
{
    [Fact]
    public void A_small_sparse_field_gets_a_ring_that_stays_within_earshot()
    {
        // 150 anchors spread like a projected latent cloud (Gaussian, ±40 units across): a user's small library.
        var random = new Random(7);
        float Gauss() => (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        Vector3[] field = [.. Enumerable.Range(0, 150).Select(_ => new Vector3(13 * Gauss(), 13 * Gauss(), 13 * Gauss()))];
        const float Earshot = 8f, Reach2 = 4f * 4f;
        float farthest = field.Max(p => new Vector2(p.X, p.Z).Length());
        double classic = FieldOrbit.Coverage(field, Vector3.Zero, farthest * 0.45f, 3f, Reach2);

        OrbitCamera fitted = FieldOrbit.Fit(field, Earshot);
        double coverage = FieldOrbit.Coverage(field, fitted.Centre, fitted.Radius, fitted.Height, Reach2);
        Assert.True(coverage > classic, $"fitted ring covers {coverage:P0}, the fixed one {classic:P0}");
        Assert.True(coverage >= 0.9, $"fitted ring covers {coverage:P0}");
    }

    [Fact]
    public void A_dense_field_keeps_the_familiar_ring()
    {
        var random = new Random(3);
        Vector3[] field = [.. Enumerable.Range(0, 10_000).Select(_ => new Vector3(random.NextSingle() * 80 - 40, random.NextSingle() * 10 - 5, random.NextSingle() * 80 - 40))];
        OrbitCamera fitted = FieldOrbit.Fit(field, 8f);
        float farthest = field.Max(p => new Vector2(p.X - fitted.Centre.X, p.Z - fitted.Centre.Z).Length());
        Assert.InRange(fitted.Radius, farthest * 0.4f, farthest * 0.5f);
        Assert.Equal(3f, fitted.Height);
    }
}

using System.Numerics;

namespace GenWorld.World.Cameras;

/// <summary>
/// An orbit sized to the field it circles. The fixed orbit (0.45 × the farthest anchor, 3 units up) suits a dense field
/// of ten thousand anchors; a user's field of a hundred or two is sparse, and that ring spent most of its turn out of
/// earshot of every anchor (a 314-sound field rendered silent 61 % of the time). This picks, among rings around the
/// field's centre, the one that keeps an anchor within earshot for the largest share of the turn, preferring the old
/// ring where several do equally well, so a dense field keeps its familiar flight.
/// </summary>
public static class FieldOrbit
{
    private const int Samples = 72;
    private static readonly float[] Heights = [3f, 0f, 6f, -3f];

    /// <summary>The orbit around <paramref name="positions"/> for a listener who hears anchors within <paramref name="earshot"/>.</summary>
    public static OrbitCamera Fit(IReadOnlyList<Vector3> positions, float earshot, double period = 40)
    {
        ArgumentNullException.ThrowIfNull(positions);
        if (positions.Count == 0) return new OrbitCamera(Vector3.Zero, 10f, 3f, period);
        var centre = Vector3.Zero;
        foreach (Vector3 p in positions) centre += p / positions.Count;
        float farthest = positions.Max(p => new Vector2(p.X - centre.X, p.Z - centre.Z).Length());
        float classic = farthest * 0.45f;
        // Half of earshot: an anchor near its edge is attenuated below hearing in the mix (measured on a rendered field).
        float reach2 = 0.5f * earshot * (0.5f * earshot);
        (OrbitCamera Orbit, double Score) best = (new OrbitCamera(centre, Math.Max(classic, 1f), 3f, period), -1);
        foreach (float height in Heights)
            for (int step = 1; step <= 20; step++)
            {
                float radius = farthest * step / 20f;
                double score = Coverage(positions, centre, radius, height, reach2)
                    - (0.001 * Math.Abs(radius - classic) / Math.Max(farthest, 1e-3)) - (0.0001 * Math.Abs(height - 3f));
                if (score > best.Score) best = (new OrbitCamera(centre, Math.Max(radius, 1f), height, period), score);
            }
        return best.Orbit;
    }

    /// <summary>Share of the ring's sample points that have at least one anchor within reach.</summary>
    public static double Coverage(IReadOnlyList<Vector3> positions, Vector3 centre, float radius, float height, float reach2)
    {
        ArgumentNullException.ThrowIfNull(positions);
        int covered = 0;
        for (int i = 0; i < Samples; i++)
        {
            double angle = 2 * Math.PI * i / Samples;
            var eye = centre + new Vector3((float)(Math.Sin(angle) * radius), height, (float)(Math.Cos(angle) * radius));
            foreach (Vector3 p in positions)
                if (Vector3.DistanceSquared(p, eye) <= reach2) { covered++; break; }
        }
        return (double)covered / Samples;
    }
}

using System.Numerics;
using GenWorld.World.Projection;

namespace GenWorld.World.Emitters;

/// <summary>
/// Where emitters may sit: a Poisson-disc subset of the anchors, no two closer than the spacing, chosen greedily in anchor
/// order (deterministic). Queries return anchor indices, which are the emitters' stable ids.
/// </summary>
internal sealed class EmitterSites
{
    private readonly int[] _anchorOf;
    private readonly SpatialGrid _grid;

    public EmitterSites(IReadOnlyList<Vector3> anchors, float spacing, float cellSize)
    {
        var chosen = new List<int>();
        if (spacing <= 0) chosen.AddRange(Enumerable.Range(0, anchors.Count));
        else
        {
            var taken = new Dictionary<(int, int, int), List<Vector3>>();
            float s2 = spacing * spacing;
            for (int i = 0; i < anchors.Count; i++)
            {
                Vector3 p = anchors[i];
                (int x, int y, int z) = ((int)MathF.Floor(p.X / spacing), (int)MathF.Floor(p.Y / spacing), (int)MathF.Floor(p.Z / spacing));
                bool free = true;
                for (int dx = -1; dx <= 1 && free; dx++)
                    for (int dy = -1; dy <= 1 && free; dy++)
                        for (int dz = -1; dz <= 1 && free; dz++)
                            if (taken.TryGetValue((x + dx, y + dy, z + dz), out List<Vector3>? near))
                                free = near.TrueForAll(q => Vector3.DistanceSquared(p, q) >= s2);
                if (!free) continue;
                chosen.Add(i);
                if (!taken.TryGetValue((x, y, z), out List<Vector3>? cell)) taken[(x, y, z)] = cell = [];
                cell.Add(p);
            }
        }
        _anchorOf = [.. chosen];
        _grid = new SpatialGrid([.. chosen.Select(i => anchors[i])], cellSize);
    }

    /// <summary>Number of sites.</summary>
    public int Count => _anchorOf.Length;

    /// <summary>The <paramref name="count"/> nearest sites within <paramref name="radius"/>, nearest first, as (anchor index, squared distance).</summary>
    public List<(int Index, float DistanceSquared)> Nearest(Vector3 centre, float radius, int count)
    {
        List<(int Index, float DistanceSquared)> found = _grid.Nearest(centre, radius, count);
        for (int i = 0; i < found.Count; i++) found[i] = (_anchorOf[found[i].Index], found[i].DistanceSquared);
        return found;
    }
}

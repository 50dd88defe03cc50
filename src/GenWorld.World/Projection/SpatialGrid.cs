using System.Numerics;

namespace GenWorld.World.Projection;

/// <summary>
/// A uniform hash grid over 3D points: radius queries visit only the cells the sphere touches, so finding the anchors
/// near the listener or near a position costs the same with 1k or 100k anchors.
/// </summary>
public sealed class SpatialGrid
{
    private readonly Dictionary<(int, int, int), int[]> _cells;
    private readonly Vector3[] _points;

    /// <summary>Buckets <paramref name="points"/> into cubes of <paramref name="cellSize"/>.</summary>
    public SpatialGrid(Vector3[] points, float cellSize)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (!(cellSize > 0) || !float.IsFinite(cellSize)) throw new ArgumentOutOfRangeException(nameof(cellSize), cellSize, "must be a positive number.");
        _points = points;
        CellSize = cellSize;
        _cells = points.Select((p, i) => (Cell: CellOf(p), i)).GroupBy(x => x.Cell).ToDictionary(g => g.Key, g => g.Select(x => x.i).ToArray());
    }

    /// <summary>Edge of a cell in world units.</summary>
    public float CellSize { get; }

    /// <summary>The indexed points.</summary>
    public IReadOnlyList<Vector3> Points => _points;

    /// <summary>Adds (index, squared distance) of every point within <paramref name="radius"/> of <paramref name="centre"/>.</summary>
    public void Query(Vector3 centre, float radius, List<(int Index, float DistanceSquared)> into)
    {
        into.Clear();
        float r2 = radius * radius;
        (int x0, int y0, int z0) = CellOf(centre - new Vector3(radius));
        (int x1, int y1, int z1) = CellOf(centre + new Vector3(radius));
        for (int x = x0; x <= x1; x++)
            for (int y = y0; y <= y1; y++)
                for (int z = z0; z <= z1; z++)
                {
                    if (!_cells.TryGetValue((x, y, z), out int[]? members)) continue;
                    foreach (int i in members)
                    {
                        float d2 = Vector3.DistanceSquared(_points[i], centre);
                        if (d2 <= r2) into.Add((i, d2));
                    }
                }
    }

    /// <summary>The <paramref name="count"/> nearest points within <paramref name="radius"/>, nearest first (ties by index).</summary>
    public List<(int Index, float DistanceSquared)> Nearest(Vector3 centre, float radius, int count)
    {
        var found = new List<(int Index, float DistanceSquared)>();
        Query(centre, radius, found);
        found.Sort((a, b) => a.DistanceSquared != b.DistanceSquared ? a.DistanceSquared.CompareTo(b.DistanceSquared) : a.Index.CompareTo(b.Index));
        if (found.Count > count) found.RemoveRange(count, found.Count - count);
        return found;
    }

    private (int, int, int) CellOf(Vector3 p) =>
        ((int)MathF.Floor(p.X / CellSize), (int)MathF.Floor(p.Y / CellSize), (int)MathF.Floor(p.Z / CellSize));
}

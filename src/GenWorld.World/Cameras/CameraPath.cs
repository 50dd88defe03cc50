using System.Numerics;
using System.Text.Json;

namespace GenWorld.World.Cameras;

/// <summary>
/// A timed camera path: {"version":1,"points":[{"t":seconds,"position":[x,y,z],"lookAt":[x,y,z]}]}, times strictly
/// increasing. Position and look-at are interpolated with Catmull-Rom splines parameterised by time (cubic Hermite with
/// tangents (p[i+1] − p[i−1]) / (t[i+1] − t[i−1])): the curve passes through every point and its velocity is continuous
/// even when points are unevenly spaced in time. Before the first and after the last point the path holds still.
/// </summary>
public sealed class CameraPath
{
    private readonly double[] _times;
    private readonly Vector3[] _positions;
    private readonly Vector3[] _targets;

    /// <summary>Builds a path from points; throws naming the first bad point.</summary>
    public CameraPath(IReadOnlyList<(double Time, Vector3 Position, Vector3 LookAt)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < 2) throw new ArgumentException($"a path needs at least 2 points, got {points.Count}.", nameof(points));
        for (int i = 0; i < points.Count; i++)
        {
            (double t, Vector3 p, Vector3 l) = points[i];
            if (!double.IsFinite(t) || t < 0) throw new ArgumentException($"points[{i}].t = {t} must be a finite time, 0 or more.", nameof(points));
            if (i > 0 && t <= points[i - 1].Time) throw new ArgumentException($"points[{i}].t = {t} must be after points[{i - 1}].t = {points[i - 1].Time}.", nameof(points));
            if (!Finite(p) || !Finite(l)) throw new ArgumentException($"points[{i}] has a non-finite position or lookAt.", nameof(points));
            if (Vector3.DistanceSquared(p, l) < 1e-10f) throw new ArgumentException($"points[{i}] looks at its own position.", nameof(points));
        }
        _times = [.. points.Select(p => p.Time)];
        _positions = [.. points.Select(p => p.Position)];
        _targets = [.. points.Select(p => p.LookAt)];
    }

    /// <summary>Time of the last point.</summary>
    public double Duration => _times[^1];

    /// <summary>Number of points.</summary>
    public int Count => _times.Length;

    /// <summary>The pose at <paramref name="time"/> seconds.</summary>
    public Pose At(double time)
    {
        int i = Array.BinarySearch(_times, time);
        if (i < 0) i = ~i - 1;
        if (i < 0) return Pose.LookAt(_positions[0], _targets[0]);
        if (i >= _times.Length - 1) return Pose.LookAt(_positions[^1], _targets[^1]);
        float u = (float)((time - _times[i]) / (_times[i + 1] - _times[i]));
        return Pose.LookAt(Spline(_positions, i, u), Spline(_targets, i, u));
    }

    /// <summary>Reads a path file; errors name the file and the field.</summary>
    public static CameraPath Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"camera path '{path}' does not exist.", path);
        try { return Parse(System.Text.Encoding.UTF8.GetString(GenWorld.Core.IO.BoundedFile.ReadAllBytes(path, 16 << 20, "camera path"))); }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidDataException)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Parses the JSON format (see the class summary).</summary>
    public static CameraPath Parse(string json)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        JsonElement root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new InvalidDataException("the file must be a JSON object with version and points.");
        if (!root.TryGetProperty("version", out JsonElement version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out int v) || v != 1)
            throw new InvalidDataException("version: must be 1.");
        if (!root.TryGetProperty("points", out JsonElement points) || points.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException("points: must be an array.");
        var list = new List<(double, Vector3, Vector3)>();
        int i = 0;
        foreach (JsonElement p in points.EnumerateArray())
        {
            if (p.ValueKind != JsonValueKind.Object) throw new InvalidDataException($"points[{i}]: must be an object with t, position and lookAt.");
            if (!p.TryGetProperty("t", out JsonElement t) || t.ValueKind != JsonValueKind.Number) throw new InvalidDataException($"points[{i}].t: a number of seconds is required.");
            list.Add((t.GetDouble(), Vec(p, "position", i), Vec(p, "lookAt", i)));
            i++;
        }
        return new CameraPath(list);
    }

    /// <summary>Serialises to the JSON format.</summary>
    public string ToJson() => JsonSerializer.Serialize(new
    {
        version = 1,
        points = _times.Select((t, i) => new { t, position = new[] { _positions[i].X, _positions[i].Y, _positions[i].Z }, lookAt = new[] { _targets[i].X, _targets[i].Y, _targets[i].Z } }),
    });

    private static Vector3 Vec(JsonElement point, string name, int index)
    {
        if (!point.TryGetProperty(name, out JsonElement v) || v.ValueKind != JsonValueKind.Array || v.GetArrayLength() != 3)
            throw new InvalidDataException($"points[{index}].{name}: must be [x, y, z].");
        float[] xyz = [.. v.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Number && e.TryGetSingle(out float f) ? f : throw new InvalidDataException($"points[{index}].{name}: values must be numbers."))];
        return new Vector3(xyz[0], xyz[1], xyz[2]);
    }

    /// <summary>Cubic Hermite between points i and i+1 with Catmull-Rom tangents in time (one-sided at the ends).</summary>
    private Vector3 Spline(Vector3[] p, int i, float u)
    {
        float h = (float)(_times[i + 1] - _times[i]);
        Vector3 m1 = Tangent(p, i), m2 = Tangent(p, i + 1);
        float u2 = u * u, u3 = u2 * u;
        return (((2 * u3) - (3 * u2) + 1) * p[i]) + ((u3 - (2 * u2) + u) * h * m1) + (((-2 * u3) + (3 * u2)) * p[i + 1]) + ((u3 - u2) * h * m2);
    }

    private Vector3 Tangent(Vector3[] p, int i)
    {
        int before = Math.Max(i - 1, 0), after = Math.Min(i + 1, p.Length - 1);
        return (p[after] - p[before]) / (float)(_times[after] - _times[before]);
    }

    private static bool Finite(Vector3 v) => float.IsFinite(v.X) && float.IsFinite(v.Y) && float.IsFinite(v.Z);
}

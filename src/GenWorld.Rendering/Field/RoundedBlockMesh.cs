using System.Numerics;

namespace GenWorld.Rendering.Field;

/// <summary>
/// The emitter objects' shape: a cube in -0.5..0.5 with its faces pushed halfway to a sphere, so it reads as a soft,
/// solid block from every side, each face carrying the tileable material once (u, v in 0..1). Interleaved position,
/// normal, uv (8 floats a vertex), plain triangles; built once.
/// </summary>
internal static class RoundedBlockMesh
{
    /// <summary>Floats per vertex: position (3), normal (3), uv (2).</summary>
    public const int Stride = 8;

    private const int Cells = 8;
    private const float Roundness = 0.5f;

    public static float[] Build()
    {
        (Vector3 Normal, Vector3 U, Vector3 V)[] faces =
        [
            (Vector3.UnitX, -Vector3.UnitZ, Vector3.UnitY), (-Vector3.UnitX, Vector3.UnitZ, Vector3.UnitY),
            (Vector3.UnitY, Vector3.UnitX, -Vector3.UnitZ), (-Vector3.UnitY, Vector3.UnitX, Vector3.UnitZ),
            (Vector3.UnitZ, Vector3.UnitX, Vector3.UnitY), (-Vector3.UnitZ, -Vector3.UnitX, Vector3.UnitY),
        ];
        var data = new List<float>(faces.Length * Cells * Cells * 6 * Stride);
        foreach ((Vector3 n, Vector3 u, Vector3 v) in faces)
        {
            for (int j = 0; j < Cells; j++)
            {
                for (int i = 0; i < Cells; i++)
                {
                    // Two counter-clockwise triangles per cell, seen from outside.
                    foreach ((int di, int dj) in ((int, int)[])[(0, 0), (1, 0), (1, 1), (0, 0), (1, 1), (0, 1)])
                        Vertex(data, n, u, v, (float)(i + di) / Cells, (float)(j + dj) / Cells);
                }
            }
        }
        return [.. data];
    }

    private static void Vertex(List<float> data, Vector3 normal, Vector3 u, Vector3 v, float s, float t)
    {
        Vector3 cube = (0.5f * normal) + ((s - 0.5f) * u) + ((t - 0.5f) * v);
        Vector3 sphere = Vector3.Normalize(cube) * 0.62f;
        Vector3 position = Vector3.Lerp(cube, sphere, Roundness);
        Vector3 n = Vector3.Normalize(Vector3.Lerp(normal, Vector3.Normalize(cube), 0.7f));
        data.AddRange([position.X, position.Y, position.Z, n.X, n.Y, n.Z, s, 1f - t]);
    }
}

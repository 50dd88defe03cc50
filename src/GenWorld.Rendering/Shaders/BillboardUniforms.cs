using System.Numerics;

namespace GenWorld.Rendering.Shaders;

/// <summary>
/// The uniforms every camera-facing billboard shader with distance fog reads (points and field quads): one place, so
/// the two shaders cannot drift apart in names or meaning.
/// </summary>
internal static class BillboardUniforms
{
    /// <summary>Uses <paramref name="program"/> and sets the camera basis, view-projection and fog range.</summary>
    public static void Apply(ShaderProgram program, Camera camera, float fogStart, float fogEnd, Vector3 fogColour)
    {
        program.Use();
        program.Set("uViewProjection", camera.ViewProjection);
        program.Set("uCameraRight", camera.Right);
        program.Set("uCameraUp", camera.TrueUp);
        program.Set("uCameraPosition", camera.Position);
        program.Set("uFogStart", fogStart);
        program.Set("uFogEnd", fogEnd);
        program.Set("uFogColour", fogColour);
    }
}

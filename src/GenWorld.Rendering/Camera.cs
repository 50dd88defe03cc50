using System.Numerics;

namespace GenWorld.Rendering;

/// <summary>A perspective camera producing GL-convention matrices (right-handed, clip depth -1..1).</summary>
/// <param name="Position">Eye position in world space.</param>
/// <param name="Target">Point looked at.</param>
/// <param name="Up">Approximate up direction.</param>
/// <param name="FieldOfViewY">Vertical field of view in radians.</param>
/// <param name="Aspect">Width / height of the viewport.</param>
/// <param name="Near">Near plane distance (&gt; 0).</param>
/// <param name="Far">Far plane distance (&gt; Near).</param>
public readonly record struct Camera(Vector3 Position, Vector3 Target, Vector3 Up, float FieldOfViewY, float Aspect, float Near, float Far)
{
    /// <summary>World → view.</summary>
    public Matrix4x4 View => Matrix4x4.CreateLookAt(Position, Target, Up);

    /// <summary>
    /// View → clip. Written out rather than <see cref="Matrix4x4.CreatePerspectiveFieldOfView"/>, which maps depth to
    /// 0..1 (Direct3D); GL clips depth at -1..1, so that matrix would waste half the depth range.
    /// </summary>
    public Matrix4x4 Projection
    {
        get
        {
            if (Near <= 0 || Far <= Near) throw new InvalidOperationException($"Camera needs 0 < Near < Far, got Near={Near}, Far={Far}.");
            float f = 1f / MathF.Tan(FieldOfViewY / 2f);
            return new Matrix4x4(
                f / Aspect, 0, 0, 0,
                0, f, 0, 0,
                0, 0, (Far + Near) / (Near - Far), -1,
                0, 0, 2f * Far * Near / (Near - Far), 0);
        }
    }

    /// <summary>World → clip, ready for a <c>mat4</c> uniform (row-vector form, see <c>ShaderProgram.Set</c>).</summary>
    public Matrix4x4 ViewProjection => View * Projection;

    /// <summary>The camera's right axis in world space (first column of the view matrix).</summary>
    public Vector3 Right { get { Matrix4x4 v = View; return new Vector3(v.M11, v.M21, v.M31); } }

    /// <summary>The camera's true up axis in world space (second column of the view matrix).</summary>
    public Vector3 TrueUp { get { Matrix4x4 v = View; return new Vector3(v.M12, v.M22, v.M32); } }
}

using System.Numerics;
using GenWorld.Rendering.Resources;
using Silk.NET.OpenGL;

namespace GenWorld.Rendering.Shaders;

/// <summary>A linked vertex + fragment program with cached uniform locations.</summary>
public sealed class ShaderProgram : IDisposable
{
    private readonly GlDevice _device;
    private readonly Dictionary<string, int> _uniforms = new(StringComparer.Ordinal);
    private uint _program;

    /// <summary>Compiles and links; a failure throws <see cref="ShaderCompileException"/> naming file and line.</summary>
    public ShaderProgram(GlDevice device, ShaderSource vertex, ShaderSource fragment)
    {
        _device = device;
        Name = Path.GetFileNameWithoutExtension(vertex.FileName);
        uint vs = Compile(device, ShaderType.VertexShader, vertex);
        uint fs;
        try { fs = Compile(device, ShaderType.FragmentShader, fragment); }
        catch
        {
            device.Delete(GlObjectKind.Shader, vs);
            throw;
        }

        GL gl = device.Gl;
        int linked;
        string linkLog;
        try
        {
            _program = device.Create(GlObjectKind.Program);
            gl.AttachShader(_program, vs);
            gl.AttachShader(_program, fs);
            gl.LinkProgram(_program);
            gl.GetProgram(_program, ProgramPropertyARB.LinkStatus, out linked);
            linkLog = gl.GetProgramInfoLog(_program);
            gl.DetachShader(_program, vs);
            gl.DetachShader(_program, fs);
        }
        finally
        {
            // The linked program keeps what it needs; the stage objects are not needed after linking.
            device.Delete(GlObjectKind.Shader, vs);
            device.Delete(GlObjectKind.Shader, fs);
        }
        if (linked == 0)
        {
            Dispose();
            string files = $"{vertex.FileName} + {fragment.FileName}";
            throw new ShaderCompileException(files, null, ShaderInfoLog.Format(files, linkLog));
        }
    }

    /// <summary>The program's name (the vertex file's name without extension, e.g. <c>points</c>).</summary>
    public string Name { get; }

    /// <summary>The GL program object.</summary>
    public uint Handle => _program;

    /// <summary>Makes this the current program.</summary>
    public void Use()
    {
        ObjectDisposedException.ThrowIf(_program == 0, this);
        _device.Gl.UseProgram(_program);
    }

    /// <summary>Location of a uniform, asked of GL once; -1 when the program has no such active uniform.</summary>
    public int UniformLocation(string name)
    {
        if (!_uniforms.TryGetValue(name, out int location))
            _uniforms[name] = location = _device.Gl.GetUniformLocation(_program, name);
        return location;
    }

    /// <summary>Sets a float uniform (the program must be in use).</summary>
    public void Set(string name, float value) => _device.Gl.Uniform1(UniformLocation(name), value);

    /// <summary>Sets an int or sampler uniform.</summary>
    public void Set(string name, int value) => _device.Gl.Uniform1(UniformLocation(name), value);

    /// <summary>Sets a vec2 uniform.</summary>
    public void Set(string name, Vector2 value) => _device.Gl.Uniform2(UniformLocation(name), value.X, value.Y);

    /// <summary>Sets a vec3 uniform.</summary>
    public void Set(string name, Vector3 value) => _device.Gl.Uniform3(UniformLocation(name), value.X, value.Y, value.Z);

    /// <summary>Sets a vec4 uniform.</summary>
    public void Set(string name, Vector4 value) => _device.Gl.Uniform4(UniformLocation(name), value.X, value.Y, value.Z, value.W);

    /// <summary>
    /// Sets a mat4 uniform. System.Numerics matrices are row-vector (v * M); uploaded as they lie in memory GLSL sees the
    /// transpose, which is exactly the column-vector form, so shaders write <c>M * v</c>.
    /// </summary>
    public unsafe void Set(string name, Matrix4x4 value) => _device.Gl.UniformMatrix4(UniformLocation(name), 1, false, (float*)&value);

    /// <summary>Deletes the program (queued to the owning thread if called elsewhere).</summary>
    public void Dispose()
    {
        _device.Delete(GlObjectKind.Program, _program);
        _program = 0;
    }

    private static uint Compile(GlDevice device, ShaderType type, ShaderSource source)
    {
        GL gl = device.Gl;
        uint shader = device.Create(GlObjectKind.Shader, type);
        gl.ShaderSource(shader, source.Text);
        gl.CompileShader(shader);
        gl.GetShader(shader, ShaderParameterName.CompileStatus, out int compiled);
        if (compiled != 0) return shader;

        string log = gl.GetShaderInfoLog(shader);
        device.Delete(GlObjectKind.Shader, shader);
        int? line = ShaderInfoLog.Parse(log).Select(m => m.Line).FirstOrDefault(l => l is not null);
        throw new ShaderCompileException(source.FileName, line, ShaderInfoLog.Format(source.FileName, log));
    }
}

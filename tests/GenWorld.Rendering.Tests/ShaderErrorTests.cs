using GenWorld.Rendering.Shaders;

namespace GenWorld.Rendering.Tests;

[Collection(NativeGlCollection.Name)]
public sealed class ShaderErrorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("genworld-shaders-").FullName;

    [Fact]
    public void Broken_fragment_shader_error_names_file_and_line()
    {
        File.WriteAllText(Path.Combine(_folder, "broken.vert"),
            "#version 330 core\nlayout(location = 0) in vec3 aPosition;\nvoid main() { gl_Position = vec4(aPosition, 1.0); }\n");
        File.WriteAllText(Path.Combine(_folder, "broken.frag"),
            "#version 330 core\nout vec4 fragColour;\nvoid main()\n{\n    fragColour = vec4(undefinedThing, 1.0);\n}\n");

        using var gl = new HeadlessGl(16, 16, _folder);
        var error = Assert.Throws<ShaderCompileException>(() => gl.Shaders.Get("broken"));
        Assert.Equal("broken.frag", error.FileName);
        Assert.Equal(5, error.Line);
        Assert.Contains("broken.frag:5:", error.Message, StringComparison.Ordinal);
        Assert.Contains("undefinedThing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Link_error_names_both_files_and_leaks_nothing()
    {
        File.WriteAllText(Path.Combine(_folder, "mismatch.vert"),
            "#version 330 core\nout vec3 vColour;\nvoid main() { vColour = vec3(1.0); gl_Position = vec4(0.0); }\n");
        File.WriteAllText(Path.Combine(_folder, "mismatch.frag"),
            "#version 330 core\nin vec4 vColour;\nout vec4 fragColour;\nvoid main() { fragColour = vColour; }\n");

        using var gl = new HeadlessGl(16, 16, _folder);
        var error = Assert.Throws<ShaderCompileException>(() => gl.Shaders.Get("mismatch"));
        Assert.Equal("mismatch.vert + mismatch.frag", error.FileName);
        Assert.Contains("vColour", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, gl.Device.LiveObjects.Total);
    }

    [Fact]
    public void Missing_shader_names_what_is_available()
    {
        using var gl = new HeadlessGl(16, 16);
        var error = Assert.Throws<FileNotFoundException>(() => gl.Shaders.Get("nonexistent"));
        Assert.Contains("nonexistent.vert", error.Message, StringComparison.Ordinal);
        Assert.Contains("points", error.Message, StringComparison.Ordinal);
        Assert.Contains("solid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Info_log_formats_are_mapped_to_file_and_line()
    {
        string mesa = ShaderInfoLog.Format("points.vert", "0:12(3): error: `foo' undeclared\n0:14(1): warning: unused\n");
        Assert.Equal("points.vert:12: error: `foo' undeclared\npoints.vert:14: warning: unused", mesa);
        string nvidia = ShaderInfoLog.Format("points.frag", "0(7) : error C1008: undefined variable \"bar\"");
        Assert.Equal("points.frag:7: error C1008: undefined variable \"bar\"", nvidia);
        Assert.Equal("a.vert: link failed", ShaderInfoLog.Format("a.vert", "link failed"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

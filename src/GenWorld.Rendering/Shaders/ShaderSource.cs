namespace GenWorld.Rendering.Shaders;

/// <summary>GLSL text and the file it came from (named in compile errors).</summary>
/// <param name="FileName">File name shown in errors, e.g. <c>points.vert</c>.</param>
/// <param name="Text">The GLSL source.</param>
public sealed record ShaderSource(string FileName, string Text)
{
    /// <summary>Reads a shader file; the error for a missing file names the path.</summary>
    public static ShaderSource FromFile(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Shader file {path} does not exist.", path);
        return new ShaderSource(Path.GetFileName(path), File.ReadAllText(path));
    }
}

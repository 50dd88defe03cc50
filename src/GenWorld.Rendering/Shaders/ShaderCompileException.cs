namespace GenWorld.Rendering.Shaders;

/// <summary>A shader failed to compile or a program failed to link; the message has <c>file:line:</c> for each error.</summary>
public sealed class ShaderCompileException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="fileName">The shader file (or "a.vert + a.frag" for link errors).</param>
    /// <param name="line">First line the driver blamed, or null.</param>
    /// <param name="details">The driver's log, already rewritten to <c>file:line:</c> form.</param>
    public ShaderCompileException(string fileName, int? line, string details)
        : base($"Shader {fileName} failed to build:\n{details}")
    {
        FileName = fileName;
        Line = line;
    }

    /// <summary>The shader file that failed.</summary>
    public string FileName { get; }

    /// <summary>First line the driver reported an error on, if it gave one.</summary>
    public int? Line { get; }
}

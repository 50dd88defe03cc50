namespace GenWorld.Rendering.Shaders;

/// <summary>
/// Loads <c>name.vert</c> + <c>name.frag</c> from a shaders folder (by default the one copied next to the binaries from
/// the repository's <c>shaders/</c>), builds each program once, and deletes them all on Dispose.
/// </summary>
public sealed class ShaderLibrary : IDisposable
{
    private readonly GlDevice _device;
    private readonly Dictionary<string, ShaderProgram> _programs = new(StringComparer.Ordinal);

    /// <summary>Creates a library reading from <paramref name="directory"/> (default: <see cref="DefaultDirectory"/>).</summary>
    public ShaderLibrary(GlDevice device, string? directory = null)
    {
        _device = device;
        Directory = Path.GetFullPath(directory ?? DefaultDirectory);
        if (!System.IO.Directory.Exists(Directory))
            throw new DirectoryNotFoundException($"Shader folder {Directory} does not exist (the build copies the repository's shaders/ there).");
    }

    /// <summary>The <c>shaders</c> folder beside the running assembly.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "shaders");

    /// <summary>The folder programs are read from.</summary>
    public string Directory { get; }

    /// <summary>The program <paramref name="name"/>, built on first use.</summary>
    public ShaderProgram Get(string name)
    {
        if (_programs.TryGetValue(name, out ShaderProgram? program)) return program;
        if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny(['/', '\\', '.']) >= 0)
            throw new ArgumentException($"Shader name '{name}' must be a bare name like 'points' (no folder, no extension).", nameof(name));

        string vertex = Path.Combine(Directory, name + ".vert");
        string fragment = Path.Combine(Directory, name + ".frag");
        if (!File.Exists(vertex) || !File.Exists(fragment))
            throw new FileNotFoundException(
                $"Shader '{name}' needs {name}.vert and {name}.frag in {Directory}; available: {string.Join(", ", Available())}.",
                File.Exists(vertex) ? fragment : vertex);

        program = new ShaderProgram(_device, ShaderSource.FromFile(vertex), ShaderSource.FromFile(fragment));
        _programs.Add(name, program);
        return program;
    }

    /// <summary>Names that have both a .vert and a .frag file.</summary>
    public IEnumerable<string> Available() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.vert")
            .Select(path => Path.GetFileNameWithoutExtension(path))
            .Where(n => File.Exists(Path.Combine(Directory, n + ".frag")))
            .Order(StringComparer.Ordinal);

    /// <summary>Deletes every program built here.</summary>
    public void Dispose()
    {
        foreach (ShaderProgram program in _programs.Values) program.Dispose();
        _programs.Clear();
    }
}

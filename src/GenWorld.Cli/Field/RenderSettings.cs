namespace GenWorld.Cli.Field;

/// <summary>What <c>genworld render</c> renders (validated before anything opens).</summary>
internal sealed record RenderSettings(
    string Model, string? TextureModel, string? PathFile, double? Seconds, int Fps, string OutDir, int Width = 1280, int Height = 720,
    bool Hrtf = true, bool WaitForContent = true, bool Mp4 = true, string? Follow = null)
{
    public const int SampleRate = 48000;

    public void Validate()
    {
        if (Fps is < 1 or > 240) throw new ArgumentException($"--fps {Fps}: must be 1..240.");
        if (Seconds is double s && (!(s > 0) || s > 3600)) throw new ArgumentException($"--seconds {s}: must be above 0 and at most 3600.");
        if (Width is < 16 or > 8192 || Height is < 16 or > 8192) throw new ArgumentException($"--size {Width}x{Height}: each side must be 16..8192 pixels.");
        if (PathFile is not null && !File.Exists(PathFile)) throw new FileNotFoundException($"--path {PathFile}: the file does not exist.", PathFile);
        if (!Directory.Exists(Model)) throw new DirectoryNotFoundException($"--model {Model}: the folder does not exist.");
    }
}

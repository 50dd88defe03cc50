namespace GenWorld.Host.Headless;

/// <summary>What a headless render renders: named fields, checked by <see cref="Validate"/> before anything opens.</summary>
public sealed record RenderSettings
{
    /// <summary>Output rate of the spatial mix.</summary>
    public const int SampleRate = 48000;

    /// <summary>Sound-VAE model folder with anchors.</summary>
    public required string Model { get; init; }

    /// <summary>Texture-GAN model folder for the emitters' tiles (none: placeholders).</summary>
    public string? TextureModel { get; init; }

    /// <summary>Camera path JSON to fly (none: orbit the field).</summary>
    public string? PathFile { get; init; }

    /// <summary>Length in seconds (none: the path's length, else 8).</summary>
    public double? Seconds { get; init; }

    /// <summary>Frames per second.</summary>
    public int Fps { get; init; } = 30;

    /// <summary>Output folder (frames/, mix.wav, flythrough.mp4).</summary>
    public required string OutDir { get; init; }

    /// <summary>Frame width in pixels.</summary>
    public int Width { get; init; } = 1280;

    /// <summary>Frame height in pixels.</summary>
    public int Height { get; init; } = 720;

    /// <summary>Binaural rendering instead of plain stereo panning.</summary>
    public bool Hrtf { get; init; } = true;

    /// <summary>The EFX reverb whose size follows the field's density (off: a dry mix).</summary>
    public bool Reverb { get; init; } = true;

    /// <summary>Give generation the wall time a real-time run would have had, so the movie has its sounds.</summary>
    public bool WaitForContent { get; init; } = true;

    /// <summary>Encode an MP4 when ffmpeg is there.</summary>
    public bool Mp4 { get; init; } = true;

    /// <summary>Presentation mode: no HUD over the field (labels and legend stay), for installations and clean footage.</summary>
    public bool Presentation { get; init; }

    /// <summary>Versioned model root to follow: each new version swaps in while rendering.</summary>
    public string? Follow { get; init; }

    /// <summary>OSC input (a remote pose or velocity takes over from the path) and feedback; null: none.</summary>
    public Osc.OscHostOptions? Osc { get; init; }

    /// <summary>Throws naming the option that is wrong and why.</summary>
    public void Validate()
    {
        if (Fps is < 1 or > 240) throw new ArgumentException($"--fps {Fps}: must be 1..240.");
        if (Seconds is double s && (!(s > 0) || s > 3600)) throw new ArgumentException($"--seconds {s}: must be above 0 and at most 3600.");
        if (Width is < 16 or > 8192 || Height is < 16 or > 8192) throw new ArgumentException($"--size {Width}x{Height}: each side must be 16..8192 pixels.");
        if (PathFile is not null && !File.Exists(PathFile)) throw new FileNotFoundException($"--path {PathFile}: the file does not exist.", PathFile);
        if (!Directory.Exists(Model)) throw new DirectoryNotFoundException($"--model {Model}: the folder does not exist.");
        if (Osc?.Errors().FirstOrDefault() is { } osc) throw new ArgumentException(osc);
    }
}

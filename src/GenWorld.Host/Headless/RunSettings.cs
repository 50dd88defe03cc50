using GenWorld.Host.Osc;

namespace GenWorld.Host.Headless;

/// <summary>What a headless run (<c>genworld run</c>) runs: named fields, checked by <see cref="Errors"/> before anything opens.</summary>
public sealed record RunSettings
{
    /// <summary>Sound-VAE model folder with anchors.</summary>
    public required string Model { get; init; }

    /// <summary>Stop after this many seconds on the run's clock (none: until cancelled, e.g. Ctrl+C).</summary>
    public double? Seconds { get; init; }

    /// <summary>Frames per second: the wall-clock pace, or the step of the fixed clock.</summary>
    public int Fps { get; init; } = 60;

    /// <summary>
    /// A fixed-step clock run as fast as the machine goes (tests, accelerated soaks): frame n is at n / fps whatever the
    /// wall clock says. Off: a wall clock paced at <see cref="Fps"/>.
    /// </summary>
    public bool FixedStep { get; init; }

    /// <summary>
    /// Draw the field frame (presentation mode, no HUD) into an EGL surfaceless context of <see cref="Width"/> x
    /// <see cref="Height"/>, as the kiosk's window would, so a soak counts live GL objects; off: nothing is drawn.
    /// </summary>
    public bool Draw { get; init; }

    /// <summary>Width in pixels of the drawn frame (with <see cref="Draw"/>).</summary>
    public int Width { get; init; } = 1280;

    /// <summary>Height in pixels of the drawn frame (with <see cref="Draw"/>).</summary>
    public int Height { get; init; } = 720;

    /// <summary>Texture-GAN model folder for the drawn emitters' materials, as explore loads it (none: placeholder tiles).</summary>
    public string? TextureModel { get; init; }

    /// <summary>
    /// Rehearsal: the GL layer reports its context lost each time this many more seconds of a world's clock pass, so the
    /// renderer's rebuild on a fresh context can be watched on purpose (a real reset cannot be caused on llvmpipe); null: never.
    /// </summary>
    public double? SimulateGlLossEvery { get; init; }

    /// <summary>Where the spatial mix goes.</summary>
    public RunAudio Audio { get; init; } = RunAudio.Loopback;

    /// <summary>Binaural rendering instead of plain stereo panning.</summary>
    public bool Hrtf { get; init; } = true;

    /// <summary>The EFX reverb whose size follows the field's density (off: a dry mix, for a room with its own acoustics).</summary>
    public bool Reverb { get; init; } = true;

    /// <summary>Seconds without input before the note prior tours the field (0: never).</summary>
    public double AttractAfter { get; init; } = 30;

    /// <summary>Versioned model root to follow: each new version swaps in live.</summary>
    public string? Follow { get; init; }

    /// <summary>OSC input and feedback; null: none.</summary>
    public OscHostOptions? Osc { get; init; }

    /// <summary>The prior for attract mode.</summary>
    public string PriorModel { get; init; } = Path.Combine("models", "notes-prior");

    /// <summary>Called after each frame on the frame thread (tests, benchmarks, the kiosk's heartbeat).</summary>
    public Action<RunFrame>? OnFrame { get; init; }

    /// <summary>The option that is wrong and why, one line each.</summary>
    public IEnumerable<string> Errors()
    {
        if (Fps is < 1 or > 1000) yield return $"--fps {Fps}: must be 1..1000.";
        if (Seconds is double s && !(s > 0 && double.IsFinite(s))) yield return $"--seconds {s}: must be above 0.";
        if (!(AttractAfter >= 0 && double.IsFinite(AttractAfter))) yield return $"--attract-after {AttractAfter}: must be 0 (never) or more seconds.";
        if (Width is < 16 or > 8192 || Height is < 16 or > 8192) yield return $"--width {Width} --height {Height}: each must be 16..8192 pixels.";
        if (SimulateGlLossEvery is double g && !(g > 0 && double.IsFinite(g))) yield return $"--simulate-gl-loss-every {g}: must be above 0 seconds.";
        if (SimulateGlLossEvery is not null && !Draw) yield return "--simulate-gl-loss-every needs --draw: without drawing there is no GL context to lose.";
        if (Draw && TextureModel is not null && !Directory.Exists(TextureModel)) yield return $"--textures {TextureModel}: the folder does not exist.";
        if (!Directory.Exists(Model)) yield return $"--model {Model}: the folder does not exist.";
        if (Osc is not null) foreach (string e in Osc.Errors()) yield return e;
    }
}

/// <summary>Where a headless run's spatial mix goes.</summary>
public enum RunAudio
{
    /// <summary>OpenAL Soft's loopback device, mixed on the frame thread and measured (nothing is heard).</summary>
    Loopback,

    /// <summary>The default OpenAL device (heard on a machine with a sound card; OpenAL's null output otherwise).</summary>
    Device,

    /// <summary>No mixing at all.</summary>
    None,
}

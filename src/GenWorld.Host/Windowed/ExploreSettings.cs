namespace GenWorld.Host.Windowed;

/// <summary>What <see cref="Explorer.Run"/> opens.</summary>
public sealed record ExploreSettings
{
    /// <summary>Sound-VAE model folder with anchors.</summary>
    public required string Model { get; init; }

    /// <summary>Texture-GAN model folder for the emitters' tiles (none: placeholders).</summary>
    public string? TextureModel { get; init; }

    /// <summary>Close after this many seconds (none: when the window closes).</summary>
    public double? Seconds { get; init; }

    /// <summary>Seconds without input before the note prior tours the field (0: never).</summary>
    public double AttractAfter { get; init; }

    /// <summary>Presentation mode: no HUD over the field (labels and legend stay), for installations.</summary>
    public bool Presentation { get; init; }

    /// <summary>
    /// Installation screen: full screen on the primary monitor, undecorated, cursor hidden, no HUD, and Esc does not
    /// close it (a visitor must not end the show; stop it with the service manager or Ctrl+C).
    /// </summary>
    public bool Kiosk { get; init; }

    /// <summary>
    /// Rehearsal: the GL layer reports its context lost every this many seconds, so the renderer's rebuild on a fresh
    /// window can be watched (a real reset cannot be caused on llvmpipe); null: never.
    /// </summary>
    public double? SimulateGlLossEvery { get; init; }

    /// <summary>Versioned model root to follow: each new version swaps in live.</summary>
    public string? Follow { get; init; }

    /// <summary>OSC input and feedback; null: none.</summary>
    public Osc.OscHostOptions? Osc { get; init; }
}

namespace GenWorld.Osc.Control;

/// <summary>
/// The GenWorld OSC address space and default ports. Positions are world units (u), angles on the wire are degrees (what
/// people type into a patch); yaw 0 looks along −Z and grows toward +X, pitch grows upward, as in the explorer's camera.
/// <para>
/// Ports follow TouchOSC, the most common controller: it sends to 8000 and listens on 9000 by default, so GenWorld
/// listens on 8000 and sends to 9000, and a TouchOSC layout with stock connection settings only needs the host's IP.
/// They stay clear of Wekinator (6448 in, 12000 out) and AbletonOSC (11000/11001), which often run on the same machine.
/// </para>
/// </summary>
public static class GenWorldOscAddresses
{
    /// <summary>Where GenWorld listens (UDP, 127.0.0.1 unless told to bind elsewhere).</summary>
    public const int DefaultInputPort = 8000;

    /// <summary>Where GenWorld sends feedback.</summary>
    public const string DefaultOutput = "127.0.0.1:9000";

    /// <summary>Default feedback rate for the listener/emitter/density stream (at most 60 Hz).</summary>
    public const double DefaultFeedbackRateHz = 30;

    /// <summary>Input: place the camera.</summary>
    public const string CameraPose = "/genworld/camera/pose";
    /// <summary>Input: fly at a velocity.</summary>
    public const string CameraVelocity = "/genworld/camera/velocity";
    /// <summary>Input: fly to a label or a camera-path file.</summary>
    public const string GoTo = "/genworld/goto";
    /// <summary>Input: retrigger an emitter's sound.</summary>
    public const string EmitterTrigger = "/genworld/emitter/trigger";
    /// <summary>Input: attract mode on or off.</summary>
    public const string Attract = "/genworld/attract";
    /// <summary>Input: master gain.</summary>
    public const string Gain = "/genworld/gain";
    /// <summary>Input: switch the sound model.</summary>
    public const string Model = "/genworld/model";

    /// <summary>Output: the listener's pose.</summary>
    public const string Listener = "/genworld/listener";
    /// <summary>Output: one of the nearest emitters.</summary>
    public const string Emitter = "/genworld/emitter";
    /// <summary>Output: a note onset.</summary>
    public const string Note = "/genworld/note";
    /// <summary>Output: local anchor density.</summary>
    public const string Density = "/genworld/density";

    /// <summary>What GenWorld accepts.</summary>
    public static IReadOnlyList<OscAddressInfo> Inputs { get; } =
    [
        new(CameraPose, "fffff", "x y z (u), yaw pitch (degrees)", "place the camera; the visitor's own movement continues from there"),
        new(CameraVelocity, "fff", "x y z (u/s)", "fly at this world-space velocity until the next velocity message (0 0 0 stops)"),
        new(GoTo, "s", "label or camera-path file", "fly to the nearest anchor with that label, or follow a path file (JSON)"),
        new(EmitterTrigger, "i", "emitter id", "play that emitter's sound again now"),
        new(Attract, "i", "0 | 1 (also T/F)", "attract mode (the prior's tour) off or on"),
        new(Gain, "f", "gain (linear, ≥ 0; 1 = unity)", "master output gain"),
        new(Model, "s", "model name (e.g. notes-vae)", "switch the sound model (hot swap)"),
    ];

    /// <summary>What GenWorld sends.</summary>
    public static IReadOnlyList<OscAddressInfo> Outputs { get; } =
    [
        new(Listener, "fffff", "x y z (u), yaw pitch (degrees)", "the listener pose, each feedback frame"),
        new(Emitter, "isff f…", "id, label, distance (u), gain (0..1), latent (floats)", "each of the nearest emitters, nearest first, each feedback frame"),
        new(Note, "ff", "pitch (MIDI note number), loudness (0..1)", "a note onset as it becomes audible (events, not rate-limited)"),
        new(Density, "f", "density (0..1)", "local anchor density around the listener (drives the reverb), each feedback frame"),
    ];
}

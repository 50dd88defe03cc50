using System.Numerics;

namespace GenWorld.World.Emitters;

/// <summary>
/// A sound source the world placed at an anchor near the listener. The id is the anchor index, so the same place is the
/// same emitter whenever the listener comes back. The world writes it during <see cref="LatentWorld.Update"/>; hosts read it.
/// </summary>
public sealed class Emitter
{
    internal Emitter(int id, Vector3 position, int label, string labelName, int? pitch, float[] latent, int sampleRate)
    {
        Id = id;
        Position = position;
        Label = label;
        LabelName = labelName;
        Pitch = pitch;
        Latent = latent;
        SampleRate = sampleRate;
    }

    /// <summary>Stable id: the index of the anchor it sits on.</summary>
    public int Id { get; }

    /// <summary>World position.</summary>
    public Vector3 Position { get; }

    /// <summary>Label index of its anchor.</summary>
    public int Label { get; }

    /// <summary>Label name of its anchor (family / category).</summary>
    public string LabelName { get; }

    /// <summary>MIDI pitch the sound is generated at (pitched models), else null.</summary>
    public int? Pitch { get; }

    /// <summary>The latent its sound is generated from (the field's latent at its position, plus any variation).</summary>
    public float[] Latent { get; internal set; }

    /// <summary>Where its content is.</summary>
    public EmitterState State { get; internal set; } = EmitterState.Pending;

    /// <summary>Mono samples at <see cref="SampleRate"/> once <see cref="State"/> is Ready, else null.</summary>
    public float[]? Samples { get; internal set; }

    /// <summary>Sample rate of <see cref="Samples"/> (the world's output rate).</summary>
    public int SampleRate { get; }

    /// <summary>Counts up each time new samples arrive (a re-trigger with variation); hosts reload when it changes.</summary>
    public int ContentVersion { get; internal set; }

    /// <summary>Whether the host should be playing it now (in earshot, among the nearest, content ready).</summary>
    public bool IsAudible { get; internal set; }

    /// <summary>Fade gain 0..1 (edge of earshot fades out; 0 while not ready). Distance attenuation is the host's (e.g. OpenAL).</summary>
    public float Gain { get; internal set; }

    /// <summary>Distance to the listener at the last update.</summary>
    public float Distance { get; internal set; }

    /// <summary>A generated texture for the object at this emitter, once ready (null without a texture model).</summary>
    public EmitterTexture? Texture { get; internal set; }

    /// <summary>Why generation failed, when <see cref="State"/> is Failed.</summary>
    public string? Error { get; internal set; }

    internal CancellationTokenSource? Cancel { get; set; }
    internal long RequestedAt { get; set; }
    internal bool HasBeenInEarshot { get; set; }
    internal double PlacedAt { get; set; }
    internal int Variation { get; set; }
    internal Task? Arrival { get; set; }
    internal Task? TextureArrival { get; set; }
    internal CancellationTokenSource? TextureCancel { get; set; }
}

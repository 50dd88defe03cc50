namespace GenWorld.World.Emitters;

/// <summary>Where an emitter's sound is.</summary>
public enum EmitterState
{
    /// <summary>Requested from the inference runtime; nothing to play yet.</summary>
    Pending,

    /// <summary>Samples are ready to play.</summary>
    Ready,

    /// <summary>Generation failed; <see cref="Emitter.Error"/> says why.</summary>
    Failed,
}

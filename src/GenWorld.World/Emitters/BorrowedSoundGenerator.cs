using GenWorld.Inference.Finishing;
using GenWorld.Inference.Generation;

namespace GenWorld.World.Emitters;

/// <summary>
/// The inference layer's <see cref="SoundVaeBatchGenerator"/> over a model folder the world may only borrow: everything
/// is forwarded, and Dispose releases the folder only when the world owns it (hosts and tests can share one folder).
/// </summary>
internal sealed class BorrowedSoundGenerator(SoundVaeBatchGenerator inner, bool owns) : ISoundBatchGenerator
{
    public int LatentSize => inner.LatentSize;

    public int ConditioningSize => inner.ConditioningSize;

    public int OutputLength => inner.OutputLength;

    public string Version => inner.Version;

    public int SampleRate => inner.SampleRate;

    public SoundFinishing Finishing => inner.Finishing;

    public PitchRange? Pitch => inner.Pitch;

    public float[][] Generate(ReadOnlySpan<float[]> latents, ReadOnlySpan<float[]> conditioning) => inner.Generate(latents, conditioning);

    public void Dispose()
    {
        if (owns) inner.Dispose();
    }
}

using GenWorld.Inference.Generation;
using GenWorld.Inference.Scheduling;

namespace GenWorld.World.Emitters;

/// <summary>
/// The world's sound content behind the <see cref="InferenceScheduler"/>: latent (+ MIDI pitch as one conditioning value
/// for pitched models) → <see cref="SoundDecoder"/> (decoder.onnx, one iSTFT, fades, peak) → resampled to the output rate.
/// Does not own the model folder.
/// </summary>
internal sealed class SoundClipGenerator(SoundDecoder decoder, bool pitched, int outputRate, string version) : IBatchGenerator
{
    public int LatentSize => decoder.LatentSize;

    public int ConditioningSize => pitched ? 1 : 0;

    public int OutputLength { get; } = (int)((long)decoder.ClipLength * outputRate / decoder.SampleRate);

    public string Version => version;

    public float[][] Generate(ReadOnlySpan<float[]> latents, ReadOnlySpan<float[]> conditioning)
    {
        var clips = new float[latents.Length][];
        for (int i = 0; i < latents.Length; i++)
        {
            int? pitch = pitched ? (int)MathF.Round(conditioning[i][0]) : null;
            clips[i] = Resampler.Convert(decoder.Decode(latents[i], pitch), decoder.SampleRate, outputRate);
        }
        return clips;
    }

    public void Dispose() { }
}

using GenWorld.Core.Dsp;
namespace GenWorld.Inference.Finishing;

/// <summary>
/// The one finishing step every generated sound goes through, whichever model made it: band-limited resampling from the
/// model rate to the output rate, DC removal, raised-cosine fades, then loudness normalisation to a LUFS target with a
/// sample-peak ceiling (the gain is the smaller of the two). Thread-safe: the filter is designed once and only read.
/// </summary>
public sealed class SoundFinisher
{
    private readonly PolyphaseResampler _resampler;

    /// <summary>Finishes clips made at <paramref name="modelRate"/> Hz as <paramref name="options"/> says.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A rate or an option is out of range (named).</exception>
    public SoundFinisher(int modelRate, SoundFinishing options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (modelRate < 1) throw new ArgumentOutOfRangeException(nameof(modelRate), modelRate, "the model's sample rate must be positive.");
        Options = options;
        ModelRate = modelRate;
        _resampler = new PolyphaseResampler(modelRate, options.OutputRate);
    }

    /// <summary>The finishing options.</summary>
    public SoundFinishing Options { get; }

    /// <summary>Rate of the clips going in, in Hz.</summary>
    public int ModelRate { get; }

    /// <summary>Rate of the finished clips, in Hz.</summary>
    public int OutputRate => Options.OutputRate;

    /// <summary>Finished samples for a model clip of <paramref name="modelSamples"/> samples.</summary>
    public int OutputLength(int modelSamples) => _resampler.OutputLength(modelSamples);

    /// <summary>Returns the finished clip at the output rate (a new array).</summary>
    public float[] Finish(ReadOnlySpan<float> modelClip) => FinishInPlace(_resampler.Process(modelClip));

    /// <summary>
    /// Finishes a model clip the caller hands over and no longer uses: where the model's rate is the output rate it is
    /// finished in place and returned, with no copy (a full-band decode makes one clip-long array less).
    /// </summary>
    public float[] FinishOwned(float[] modelClip)
    {
        ArgumentNullException.ThrowIfNull(modelClip);
        return FinishInPlace(ModelRate == OutputRate ? modelClip : _resampler.Process(modelClip));
    }

    private float[] FinishInPlace(float[] clip)
    {
        if (clip.Length == 0) return clip;
        double mean = 0;
        foreach (float v in clip) mean += v;
        mean /= clip.Length;
        int fade = Math.Min(clip.Length / 2, (int)Math.Round(Options.FadeMs * OutputRate / 1000));
        for (int i = 0; i < clip.Length; i++)
        {
            int edge = Math.Min(i, clip.Length - 1 - i);
            double gain = edge >= fade ? 1 : 0.5 - 0.5 * Math.Cos(Math.PI * edge / fade);
            clip[i] = (float)((clip[i] - mean) * gain);
        }
        float peak = 0;
        foreach (float v in clip) peak = Math.Max(peak, Math.Abs(v));
        if (peak < 1e-9f) return clip; // silence stays silence: no gain can make it a sound
        double loudness = LoudnessMeter.Integrated(clip, OutputRate);
        double gainToTarget = double.IsFinite(loudness) ? Math.Pow(10, (Options.TargetLufs - loudness) / 20) : double.PositiveInfinity;
        float g = (float)Math.Min(gainToTarget, Options.PeakCeiling / peak);
        for (int i = 0; i < clip.Length; i++) clip[i] *= g;
        return clip;
    }
}

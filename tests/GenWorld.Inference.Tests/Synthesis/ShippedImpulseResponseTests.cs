using GenWorld.Core.Synthesis;

namespace GenWorld.Inference.Tests.Synthesis;

/// <summary>
/// The shipped full-band models' impulse responses have no gain at 0 Hz. Their learned responses had +25..+34 dB there
/// (the STFT loss barely sees those bins) and every generated clip carried a sub-bass rumble that gave it away; the
/// exporter now writes the zero-mean response the trainer plays, and the shipped files were made zero-mean to match.
/// </summary>
public sealed class ShippedImpulseResponseTests
{
    [Theory]
    [InlineData("notes-vae")]
    [InlineData("notes-gan")]
    [InlineData("sfx-vae")]
    public void A_shipped_model_s_impulse_response_has_no_gain_at_zero_hertz(string model)
    {
        float[] h = SynthFile.Load(Path.Combine(RepoPaths.Model(model), SynthFile.FileName)).Impulse;
        double gainAtDc = Math.Abs(h.Sum(v => (double)v)), scale = h.Sum(v => Math.Abs((double)v));
        Assert.True(gainAtDc < 1e-4 * scale, $"{model}: Σh = {gainAtDc:E2} against Σ|h| = {scale:F2}");
    }
}

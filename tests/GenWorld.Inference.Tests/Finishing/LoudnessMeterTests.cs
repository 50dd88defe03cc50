using GenWorld.Inference.Finishing;

namespace GenWorld.Inference.Tests.Finishing;

public sealed class LoudnessMeterTests
{
    [Theory]
    [InlineData(48000)]
    [InlineData(44100)]
    [InlineData(16000)]
    public void A_full_scale_997_Hz_sine_reads_minus_3_LUFS(int rate)
    {
        // BS.1770's calibration point; the K-filter is designed per rate, so 16 kHz must agree too.
        Assert.InRange(LoudnessMeter.Integrated(Tones.Sine(997, rate, 2 * rate), rate), -3.11, -2.91);
    }

    [Theory]
    [InlineData(4800)]     // shorter than one 400 ms block: measured as one block
    [InlineData(19199)]    // one sample short of a block
    [InlineData(19200)]    // exactly one block
    [InlineData(19201)]
    [InlineData(33607)]    // blocks that do not end on the clip's last sample
    [InlineData(98304)]    // a full-band clip
    public void Any_length_reads_the_same_sine_level(int samples)
    {
        // The blocks' edges fall anywhere against the clip's end; each length must still read the calibrated level.
        Assert.InRange(LoudnessMeter.Integrated(Tones.Sine(997, 48000, samples), 48000), -3.2, -2.8);
    }

    [Fact]
    public void Twenty_dB_quieter_is_twenty_LU_lower_and_silence_is_silence()
    {
        double loud = LoudnessMeter.Integrated(Tones.Sine(997, 48000, 96000), 48000);
        double quiet = LoudnessMeter.Integrated(Tones.Sine(997, 48000, 96000, amplitude: 0.1), 48000);
        Assert.Equal(20, loud - quiet, 2);
        Assert.Equal(LoudnessMeter.Silence, LoudnessMeter.Integrated(new float[48000], 48000));
    }

    [Fact]
    public void K_weighting_counts_treble_more_than_deep_bass()
    {
        double bass = LoudnessMeter.Integrated(Tones.Sine(30, 48000, 96000), 48000);
        double treble = LoudnessMeter.Integrated(Tones.Sine(8000, 48000, 96000), 48000);
        // +4 dB shelf up top; the 38 Hz high-pass (Q 0.5) takes about 8.4 dB off at 30 Hz.
        Assert.InRange(treble - bass, 11.5, 13.5);
    }

    [Fact]
    public void The_relative_gate_ignores_a_long_quiet_tail()
    {
        float[] burst = Tones.Sine(997, 48000, 48000);
        float[] withTail = [.. burst, .. Tones.Sine(997, 48000, 96000, amplitude: 0.01)]; // 40 dB down: gated out
        // Ungated, two thirds of near-silence would read ~4.8 LU lower; only the blocks straddling the edge count.
        Assert.InRange(LoudnessMeter.Integrated(burst, 48000) - LoudnessMeter.Integrated(withTail, 48000), 0, 1);
    }
}

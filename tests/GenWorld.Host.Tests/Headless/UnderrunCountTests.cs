using GenWorld.Audio.Diagnostics;
using GenWorld.Host.Headless;

namespace GenWorld.Host.Tests.Headless;

/// <summary>
/// Underruns of a headless run with the real OpenAL loopback device: a run whose mix keeps up counts none, and a frame
/// stalled past a sound card's buffer (the frame thread held, as a busy machine or a long GC would hold it) counts the
/// late mix it caused.
/// </summary>
[Collection(HeadlessRunsCollection.Name)]
public sealed class UnderrunCountTests
{
    [Fact]
    public void A_run_whose_mix_keeps_up_counts_no_underrun()
    {
        // The fixed-step clock is the clock the audio follows: every mix is one 1/60 s frame after the last, whatever
        // the machine's load, so any count here would be a voice that stopped under the pool. Each frame waits 10 ms of
        // wall time so that the sounds the tour reaches are generated in time to play (no sound, nothing to run dry).
        long sounding = 0;
        RunResult result = HeadlessRun.Run(new RunSettings
        {
            Model = RepoPaths.Model("notes-vae"), PriorModel = RepoPaths.Model("notes-prior"), Fps = 60, FixedStep = true, Seconds = 10, AttractAfter = 1,
            OnFrame = f =>
            {
                sounding += f.Frame.Time > 5 && f.Mix.Span.ContainsAnyExcept(0f) ? 1 : 0;
                Thread.Sleep(10);
            },
        }, _ => { });
        Assert.True(sounding > 150, $"only {sounding} of 300 frames of the second half had sound: too little played to test");
        Assert.Equal(new AudioUnderruns(0, 0), result.Underruns);
    }

    [Fact]
    public void A_frame_stalled_past_the_card_buffer_is_counted_as_a_late_mix()
    {
        const long stalledFrame = 90;
        TimeSpan stall = TimeSpan.FromSeconds(MixDeadline.DefaultBufferSeconds * 3);
        var seen = new List<AudioUnderruns>();
        RunResult result = HeadlessRun.Run(new RunSettings
        {
            Model = RepoPaths.Model("notes-vae"), Fps = 60, Seconds = 3, AttractAfter = 0,
            OnFrame = f =>
            {
                seen.Add(f.Underruns);
                if (f.Index == stalledFrame) Thread.Sleep(stall);
            },
        }, _ => { });
        // The mix after the stall is the late one (on a busy machine other frames may be late too; this one always is).
        Assert.True(seen[(int)stalledFrame + 1].LateMixes > seen[(int)stalledFrame].LateMixes,
            $"late mixes {seen[(int)stalledFrame].LateMixes} before the stall, {seen[(int)stalledFrame + 1].LateMixes} after it");
        Assert.True(result.Underruns.LateMixes >= 1);
        Assert.Equal(0, result.Underruns.VoicesStopped);
    }
}

using System.Diagnostics;
using GenWorld.Host.Clocks;

namespace GenWorld.Host.Tests;

/// <summary>
/// The frame pacer keeps a regular beat and runs an extra frame soon after a wake, never closer than its gap to the
/// frame before. Bounds are wide (hundreds of milliseconds around a half-second beat): they tell "woken" from "waited
/// for the beat" on a busy machine, they do not time anything.
/// </summary>
public sealed class FramePacerTests
{
    [Fact]
    public void Without_a_wake_frames_come_on_the_beat()
    {
        using var pacer = new FramePacer(fps: 20);
        var clock = Stopwatch.StartNew();
        bool[] extra = [.. Enumerable.Range(0, 4).Select(_ => pacer.WaitNext())];
        Assert.All(extra, Assert.False);
        Assert.InRange(clock.Elapsed.TotalMilliseconds, 190, 1000);   // four periods of 50 ms
        Assert.Equal(0, pacer.ExtraFrames);
    }

    [Fact]
    public void A_wake_brings_an_extra_frame_long_before_the_beat_and_keeps_the_beat()
    {
        using var pacer = new FramePacer(fps: 2, minGap: TimeSpan.FromMilliseconds(1));   // 500 ms beat
        var clock = Stopwatch.StartNew();
        // Its own thread, as the OSC receiver and the decode workers are (a pool timer may wait for a free pool thread).
        var waker = new Thread(() => { Thread.Sleep(20); pacer.Wake(); });
        waker.Start();
        Assert.True(pacer.WaitNext(), "a wake should bring an extra frame");
        double woken = clock.Elapsed.TotalMilliseconds;
        Assert.InRange(woken, 15, 400);
        Assert.False(pacer.WaitNext(), "with no further wake, the next frame is the regular one");
        Assert.InRange(clock.Elapsed.TotalMilliseconds, 490, 2000);   // still 500 ms after the start, not after the extra frame
        Assert.Equal(1, pacer.ExtraFrames);
        waker.Join();
    }

    [Fact]
    public void Extra_frames_keep_their_gap_however_often_they_are_woken()
    {
        using var pacer = new FramePacer(fps: 1, minGap: TimeSpan.FromMilliseconds(40));   // the beat is far beyond five gaps
        bool flooding = true;
        var waker = new Thread(() => { while (Volatile.Read(ref flooding)) pacer.Wake(); });
        waker.Start();
        var starts = new List<long>();
        for (int i = 0; i < 5; i++)
        {
            Assert.True(pacer.WaitNext());
            starts.Add(pacer.LastFrameStart);
        }
        Volatile.Write(ref flooding, false);
        waker.Join();
        // The pacer's own release times: a stamp taken by the test after WaitNext returns lags by however long the
        // thread waited for a core (CI once saw 18.7 ms between two such stamps on a loaded machine).
        for (int i = 1; i < starts.Count; i++)
        {
            double apart = Stopwatch.GetElapsedTime(starts[i - 1], starts[i]).TotalMilliseconds;
            Assert.True(apart >= 40, $"extra frames {apart:F1} ms apart");
        }
    }

    [Fact]
    public void A_wake_after_disposal_does_nothing()
    {
        var pacer = new FramePacer(fps: 60);
        pacer.Dispose();
        pacer.Wake();
    }
}

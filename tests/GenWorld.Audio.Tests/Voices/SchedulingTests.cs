using System.Numerics;
using GenWorld.Audio.Output;
using GenWorld.Audio.Voices;

namespace GenWorld.Audio.Tests.Voices;

/// <summary>The pool's decisions, through the silent pool (same scheduler as the OpenAL one), on a 60 fps clock.</summary>
public sealed class SchedulingTests
{
    private static readonly VoiceSound Tone = new(Signals.Sine(440, 4800), Signals.Rate);
    private static readonly VoicePoolOptions Options = new() { MaxVoices = 2, FadeSeconds = 0.1f, StopDelaySeconds = 0.05f, Hysteresis = 0.2f };

    private static VoiceRequest At(long id, float distance) => new(id, new Vector3(0, 0, -distance), Vector3.Zero, Tone, VoicePlayback.Looping);

    private static void Run(NullVoicePool pool, ref double time, double seconds, params VoiceRequest[] wanted)
    {
        for (int i = 0; i < (int)Math.Round(seconds * 60); i++, time += 1.0 / 60)
            pool.Update(time, ListenerPose.Default, Vector3.Zero, wanted);
    }

    private static long[] Active(NullVoicePool pool) =>
        [.. pool.Voices.Where(v => v.Phase == VoicePhase.Active).Select(v => v.Id).Order()];

    [Fact]
    public void Nearest_voices_win_start_at_full_gain_and_fade_out_before_release()
    {
        using var pool = new NullVoicePool(Options);
        double time = 0;
        Run(pool, ref time, 0.05, At(1, 5), At(2, 2), At(3, 3));
        Assert.Equal([2L, 3L], Active(pool));
        // New voices start at full gain at their sound's onset (no ramp to blunt the attack).
        Assert.All(pool.Voices, v => Assert.Equal(1f, v.Fade));

        Run(pool, ref time, 0.05, At(1, 5), At(2, 2));
        VoiceStatus leaving = Assert.Single(pool.Voices, v => v.Id == 3);
        Assert.Equal(VoicePhase.FadingOut, leaving.Phase);
        Assert.InRange(leaving.Fade, 0.4f, 0.7f);
        Assert.DoesNotContain(pool.Voices, v => v.Id == 1);   // its slot is still fading: the newcomer waits
        Run(pool, ref time, 0.15, At(1, 5), At(2, 2));
        Assert.Equal([1L, 2L], Active(pool));
    }

    [Fact]
    public void A_newcomer_steals_only_when_clearly_nearer()
    {
        using var pool = new NullVoicePool(Options with { MaxVoices = 1 });
        double time = 0;
        Run(pool, ref time, 0.2, At(1, 4));
        Run(pool, ref time, 0.5, At(1, 4), At(2, 3.5f));   // 12.5% nearer: within the 20% hysteresis
        Assert.Equal([1L], Active(pool));
        Run(pool, ref time, 0.5, At(1, 4), At(2, 2));      // 50% nearer: steals
        Assert.Equal([2L], Active(pool));
    }

    [Fact]
    public void New_content_for_the_same_id_fades_the_old_sound_out_first()
    {
        using var pool = new NullVoicePool(Options with { MaxVoices = 1 });
        double time = 0;
        Run(pool, ref time, 0.2, At(1, 2));
        var fresh = new VoiceSound(Signals.Sine(330, 4800), Signals.Rate);
        Run(pool, ref time, 1.0 / 60, At(1, 2) with { Sound = fresh });
        Assert.Equal(VoicePhase.FadingOut, Assert.Single(pool.Voices).Phase);
        Run(pool, ref time, 0.3, At(1, 2) with { Sound = fresh });
        Assert.Equal([1L], Active(pool));
    }

    [Fact]
    public void One_shots_retrigger_on_their_interval_but_never_over_themselves()
    {
        using var pool = new NullVoicePool(Options);
        double time = 0;
        var shortShot = new VoiceRequest(1, new Vector3(0, 0, -1), Vector3.Zero, Tone, VoicePlayback.OneShot(0.25f));           // 0.1 s sound
        var longShot = new VoiceRequest(2, new Vector3(0, 0, -1.5f), Vector3.Zero, new VoiceSound(new float[48000], Signals.Rate), VoicePlayback.OneShot(0.25f, 0, 0));
        Run(pool, ref time, 2.0, shortShot, longShot);
        int slotOf(long id) => pool.Voices.Single(v => v.Id == id).Slot;
        Assert.InRange(pool.Triggers(slotOf(1)), 8, 9);    // every 0.25 s
        Assert.InRange(pool.Triggers(slotOf(2)), 2, 2);    // a 1 s sound: at 0 and once it ended
    }

    [Fact]
    public void Bad_input_names_the_problem()
    {
        using var pool = new NullVoicePool(Options);
        var e = Assert.Throws<ArgumentException>(() => pool.Update(0, ListenerPose.Default, Vector3.Zero, [At(1, 1), At(1, 2)]));
        Assert.Contains("requested twice", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Update(0, ListenerPose.Default, Vector3.Zero, [At(2, 1) with { Gain = -1 }]));
        pool.Update(1, ListenerPose.Default, Vector3.Zero, []);
        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Update(0.5, ListenerPose.Default, Vector3.Zero, []));
        IReadOnlyList<string> errors = new VoicePoolOptions { MaxVoices = 0, FadeSeconds = 0 }.Errors();
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, m => m.StartsWith("MaxVoices = 0", StringComparison.Ordinal));
    }

    [Fact]
    public void Buffers_are_shaped_so_ends_and_loop_seams_do_not_jump()
    {
        // 440 Hz over 1000 samples is not a whole number of cycles: looping it raw jumps at the seam.
        float[] raw = Signals.Sine(440, 1000);
        double ownJump = 0.5 * 2 * Math.PI * 440 / Signals.Rate;
        Assert.True(Math.Abs(raw[0] - raw[^1]) > 3 * ownJump);

        var loop = new float[raw.Length];
        int loopStart = BufferShaping.LoopWithOnset(raw, loop, 480, 192);
        Assert.Equal(480, loopStart);
        Assert.True(Math.Abs(loop[0]) < 1e-3, $"the onset starts from silence: {loop[0]}");
        Assert.Equal(raw[300], loop[300]);   // the head between the fade and the blend is the sound itself
        Assert.True(Math.Abs(loop[loopStart] - loop[^1]) <= 1.1 * ownJump, $"seam jump {Math.Abs(loop[loopStart] - loop[^1])}");
        for (int i = 1; i < loop.Length; i++) Assert.True(Math.Abs(loop[i] - loop[i - 1]) <= 1.5 * ownJump, $"jump at {i}");

        var shot = new float[raw.Length];
        BufferShaping.FadeEnds(raw, shot, 192);
        Assert.True(Math.Abs(shot[0]) < 1e-3 && Math.Abs(shot[^1]) < 1e-3, $"ends {shot[0]}, {shot[^1]}");
        Assert.Equal(raw[500], shot[500]);
        Assert.Throws<ArgumentException>(() => BufferShaping.FadeEnds(raw, new float[999], 192));
    }
}

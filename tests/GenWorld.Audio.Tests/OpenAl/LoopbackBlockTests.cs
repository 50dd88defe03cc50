using System.Numerics;
using GenWorld.Audio.OpenAl;
using GenWorld.Audio.Output;
using GenWorld.Audio.Tests.Voices;
using GenWorld.Audio.Voices;

namespace GenWorld.Audio.Tests.OpenAl;

/// <summary>
/// Loopback renders of any frame count, as a host's frame clock asks for them. OpenAL Soft 1.19.1 (Debian 12) crashes
/// when its reverb cross-fades (after every parameter change) across renders whose frame counts are not multiples of 4:
/// the fade's last step rounds to 0 samples and its biquad filter, which assumes at least one, writes on through memory
/// (a segfault in long `run` soaks). <see cref="AlLoopbackDevice"/> therefore renders whole groups of 4 and carries the
/// surplus into the next call.
/// </summary>
[Collection(OpenAlCollection.Name)]
public sealed class LoopbackBlockTests
{
    private static readonly int[] OddBlocks = [801, 799, 5, 803, 7, 1, 797, 3, 810, 2];

    [Fact]
    public void A_reverb_moving_every_frame_survives_renders_of_odd_frame_counts()
    {
        using var rig = new PoolRig(new VoicePoolOptions { Hrtf = false, Reverb = true });
        VoiceSound noise = PoolRig.Noise(0.5);
        var block = new float[900 * 2];
        double energy = 0;
        for (int t = 0; t < 600; t++)
        {
            // A density step past the reverb's change threshold starts a cross-fade; a short odd render leaves it
            // part-way at an odd sample, and the next, longer render finishes it.
            if (t % 2 == 0) rig.Pool.Density = t % 4 == 0 ? 0.2f : 0.8f;
            rig.Pool.Update(t / 60.0, ListenerPose.Default, Vector3.Zero, [PoolRig.Loop(1, noise, new Vector3(0, 0, -2))]);
            Span<float> mix = block.AsSpan(0, (t % 2 == 0 ? OddBlocks[(t / 2) % OddBlocks.Length] % 64 | 1 : 801) * 2);
            rig.Device.Render(mix);
            foreach (float s in mix) energy += s * s;
        }
        Assert.True(energy > 1, $"the voice and its reverb should sound (energy {energy:F3})");
        Assert.NotNull(rig.Pool.Reverb);
    }

    [Fact]
    public void Odd_renders_join_into_the_same_audio_as_one_render()
    {
        float[] Mix(int[] blocks)
        {
            using var rig = new LoopbackRig();
            using AlSource sine = rig.LoopingSine(440, new Vector3(0, 0, -2));
            var mix = new float[blocks.Sum() * 2];
            int done = 0;
            foreach (int frames in blocks)
            {
                rig.Device.Render(mix.AsSpan(done * 2, frames * 2));
                done += frames;
            }
            return mix;
        }
        int[] odd = [.. Enumerable.Repeat(OddBlocks, 4).SelectMany(b => b)];
        float[] whole = Mix([odd.Sum()]), pieces = Mix(odd);
        Assert.True(whole.Max(MathF.Abs) > 0.01f, "the sine should sound");
        double worst = whole.Zip(pieces, (a, b) => (double)MathF.Abs(a - b)).Max();
        Assert.True(worst < 1e-4, $"pieces differ from the whole render by up to {worst:E2}");
    }
}

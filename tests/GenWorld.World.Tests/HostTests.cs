using System.Numerics;
using GenWorld.Audio.OpenAl;
using GenWorld.Audio.Output;
using GenWorld.Audio.Voices;
using GenWorld.Host;
using GenWorld.Host.Clocks;
using GenWorld.Host.Headless;
using GenWorld.Host.Surfaces;
using GenWorld.Rendering.Imaging;
using GenWorld.World.Anchors;
using GenWorld.World.Cameras;

namespace GenWorld.World.Tests;

/// <summary>The world in the real hosts: EGL frames, OpenAL loopback mix; every GL and AL object counted at the end.</summary>
[Collection(NativeCollection.Name)]
public sealed class HostTests(ShippedField field) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("genworld-render-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_headless_render_writes_frames_and_a_mix_in_step_and_frees_every_GL_and_AL_object()
    {
        var settings = new RenderSettings { Model = RepoPaths.Model("notes-vae"), TextureModel = RepoPaths.Model("textures-gan"), Seconds = 0.2, Fps = 30, OutDir = _dir, Width = 192, Height = 108, Mp4 = false };
        HeadlessRender.Result r = HeadlessRender.Run(settings, _ => { });

        Assert.Equal(6, r.Frames);
        Assert.Equal(6, Directory.GetFiles(r.FramesDir, "frame-*.png").Length);
        Core.Audio.AudioClip mix = Core.Audio.WavFile.Read(r.Wav);
        Assert.Equal((2, 48000, 9600), (mix.Channels, mix.SampleRate, mix.Frames)); // 6 frames × 1600 samples
        Assert.True(r.LeftEnergy + r.RightEnergy > 1e-3, $"the mix is silent (energy {r.LeftEnergy + r.RightEnergy:E2}; silence is exactly 0)");
        (byte[] rgba, _, _) = PngImage.Load(Path.Combine(r.FramesDir, "frame-00005.png"));
        int lit = Enumerable.Range(0, rgba.Length / 4).Count(i => rgba[i * 4] + rgba[(i * 4) + 1] + rgba[(i * 4) + 2] > 120);
        Assert.InRange(lit, rgba.Length / 4 / 100, rgba.Length / 4); // anchors drawn, not an empty frame
        Assert.Equal(0, r.GlObjectsLeft);
        Assert.Equal(0, r.AlObjectsLeft);
    }

    [Fact]
    public void A_flythrough_passing_an_emitter_on_the_left_then_one_on_the_right_is_louder_left_then_right()
    {
        AnchorSet sparse = Sparse(field.Anchors, every: 300);
        var options = new LatentWorldOptions { EarshotRadius = 4, TrackRadius = 6, MaxEmitters = 2, MaxAudible = 1, EmitterSpacing = 0 };
        using LatentWorld world = LatentWorld.Create(field.Model, sparse, null, options);
        (int a, int b) = IsolatedPair(world);
        Vector3 pa = world.Anchors[a].Position, pb = world.Anchors[b].Position;
        Vector3 forward = Vector3.Normalize(pb - pa), right = Vector3.Normalize(Vector3.Cross(forward, Vector3.UnitY));
        Vector3 start = pa + (right * 1.5f) - (forward * 5), end = pb - (right * 1.5f) + (forward * 5);
        Vector3 heading = Vector3.Normalize(end - start);
        float length = Vector3.Distance(start, end);

        double leftA = 0, rightA = 0, leftB = 0, rightB = 0;
        using (var audio = OpenAlAudioOutput.CreateLoopback(48000))
        {
            // The one host with a fixed-step clock, no picture and the loopback mix; each frame waits for its sounds.
            var voices = new VoicePoolOptions { MaxVoices = 1, Hrtf = false, Reverb = false };
            using var host = new WorldHost(world, new FixedStepClock(30), new NullSurface(), audio,
                new WorldHostOptions { Voices = voices, WaitForContent = true, ContentWait = TimeSpan.FromSeconds(30) });
            const int frames = 150;
            for (int f = 0; f < frames; f++)
            {
                host.Step((_, _) => new Pose(start + (heading * (length * f / (frames - 1))), heading, Vector3.UnitY));
                float[] block = audio.Loopback!.Render(1600);
                int? playing = world.Emitters.FirstOrDefault(e => e.IsAudible)?.Id;
                for (int i = 0; i < block.Length; i += 2)
                {
                    double l = block[i] * block[i], r = block[i + 1] * block[i + 1];
                    if (playing == a) { leftA += l; rightA += r; }
                    else if (playing == b) { leftB += l; rightB += r; }
                }
            }
        }
        Assert.True(leftA > 1e-3 && rightB > 1e-3, $"both emitters were heard (A {leftA:F3}/{rightA:F3}, B {leftB:F3}/{rightB:F3})");
        Assert.True(leftA > 1.5 * rightA, $"passing A on the left: L {leftA:F3} vs R {rightA:F3}");
        Assert.True(rightB > 1.5 * leftB, $"passing B on the right: R {rightB:F3} vs L {leftB:F3}");
        Assert.Equal(0, AlLiveObjects.Count);
    }

    /// <summary>Every n-th anchor, re-indexed: a sparse field where one emitter at a time is in earshot.</summary>
    private static AnchorSet Sparse(AnchorSet all, int every)
    {
        int[] keep = [.. Enumerable.Range(0, all.Count).Where(i => i % every == 0)];
        var anchors = keep.Select((src, i) => all.Anchors[src] with { Index = i }).ToArray();
        float[] latents = [.. keep.SelectMany(i => all.Latent(i).ToArray())];
        return new AnchorSet(all.Header with { Count = keep.Length }, anchors, latents);
    }

    /// <summary>Two anchors 10–30 units apart with no third within 7 units of the segment between them.</summary>
    private static (int A, int B) IsolatedPair(LatentWorld world)
    {
        IReadOnlyList<FieldAnchor> all = world.Anchors;
        for (int a = 0; a < all.Count; a++)
            for (int b = 0; b < all.Count; b++)
            {
                float d = Vector3.Distance(all[a].Position, all[b].Position);
                if (a == b || d is < 10 or > 30) continue;
                bool clear = all.Where(o => o.Index != a && o.Index != b).All(o => SegmentDistance(o.Position, all[a].Position, all[b].Position) > 7);
                if (clear) return (a, b);
            }
        throw new InvalidOperationException("no isolated pair of anchors in the sparse field");
    }

    private static float SegmentDistance(Vector3 p, Vector3 a, Vector3 b)
    {
        Vector3 ab = b - a;
        float t = Math.Clamp(Vector3.Dot(p - a, ab) / ab.LengthSquared(), -0.3f, 1.3f);
        return Vector3.Distance(p, a + (ab * t));
    }
}

using System.Diagnostics;
using System.Numerics;
using GenWorld.Audio.OpenAl;
using GenWorld.Audio.Output;
using GenWorld.Core.Audio;
using GenWorld.Host.Clocks;
using GenWorld.Host.Osc;
using GenWorld.Rendering.Egl;
using GenWorld.World;
using GenWorld.World.Cameras;

namespace GenWorld.Host.Headless;

/// <summary>
/// <see cref="WorldHost"/> with a fixed-step clock, an EGL surfaceless context and OpenAL's loopback device: each frame is
/// saved as a PNG and exactly one frame's worth of the spatial mix is rendered with it, so picture and sound stay in sync.
/// </summary>
public static class HeadlessRender
{
    /// <summary>What was rendered, where it went, and what was left alive at the end (0 and 0 unless something leaked).</summary>
    public sealed record Result
    {
        /// <summary>Frames rendered.</summary>
        public int Frames { get; init; }

        /// <summary>Folder of frame-NNNNN.png.</summary>
        public required string FramesDir { get; init; }

        /// <summary>The stereo spatial mix.</summary>
        public required string Wav { get; init; }

        /// <summary>The video, when ffmpeg made one.</summary>
        public string? Mp4 { get; init; }

        /// <summary>Length of the render in seconds.</summary>
        public double SecondsRendered { get; init; }

        /// <summary>Wall time it took.</summary>
        public double WallSeconds { get; init; }

        /// <summary>The world's figures at the end.</summary>
        public required WorldStats Stats { get; init; }

        /// <summary>Sum of squares of the left channel.</summary>
        public double LeftEnergy { get; init; }

        /// <summary>Sum of squares of the right channel.</summary>
        public double RightEnergy { get; init; }

        /// <summary>GL objects alive after the scene was freed.</summary>
        public long GlObjectsLeft { get; init; }

        /// <summary>AL objects alive after the audio was freed.</summary>
        public int AlObjectsLeft { get; init; }
    }

    /// <summary>Renders the flythrough <paramref name="settings"/> describe; <paramref name="log"/> gets progress lines.</summary>
    public static Result Run(RenderSettings settings, Action<string> log, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        string framesDir = Path.Combine(settings.OutDir, "frames");
        Directory.CreateDirectory(framesDir);
        CameraPath? path = settings.PathFile is null ? null : CameraPath.Load(settings.PathFile);
        int frames = Math.Max(1, (int)Math.Round((settings.Seconds ?? path?.Duration ?? 8) * settings.Fps));
        var wall = Stopwatch.StartNew();
        var mix = new List<float>(frames * ((RenderSettings.SampleRate / settings.Fps) + 1) * 2);
        long glLeft;
        WorldStats stats;
        using (LatentWorld world = LatentWorld.Open(settings.Model, new LatentWorldOptions { TextureModel = settings.TextureModel, Log = log }))
        using (settings.Follow is null ? null : world.FollowPublishedVersions(settings.Follow))
        {
            // Sized to the field: a small user field needs a ring that stays within earshot of its anchors.
            OrbitCamera orbit = FieldOrbit.Fit(world.Projection.Positions, new LatentWorldOptions().EarshotRadius, period: 40);
            using var audio = OpenAlAudioOutput.CreateLoopback(RenderSettings.SampleRate, settings.Hrtf ? HrtfMode.On : HrtfMode.Off);
            using var context = new EglSurfacelessContext(settings.Width, settings.Height);
            var clock = new FixedStepClock(settings.Fps);
            var options = new WorldHostOptions { Voices = new() { MaxVoices = 8, Hrtf = settings.Hrtf, Reverb = settings.Reverb }, WaitForContent = settings.WaitForContent, Hud = !settings.Presentation };
            var host = new WorldHost(world, clock, context, audio, options);
            // The path (or orbit) flies the camera until a remote pose, velocity or goto takes it.
            var steering = new CameraSteering(new FlyCamera(Vector3.Zero), fallback: t => path?.At(t) ?? orbit.At(t));
            using (host)
            using (WorldOscLink? osc = settings.Osc is null ? null : new WorldOscLink(settings.Osc, world, host, steering, log))
            {
                for (int f = 0; f < frames; f++)
                {
                    cancel.ThrowIfCancellationRequested();
                    osc?.Poll();
                    HostFrame frame = host.Step((t, dt) => steering.Update(t, dt, default), default, cancel: cancel);
                    osc?.Publish(frame.Time, frame.Pose);
                    host.Target!.SavePng(Path.Combine(framesDir, $"frame-{f:D5}.png"));
                    mix.AddRange(audio.Loopback!.Render(clock.SamplesInFrame(RenderSettings.SampleRate)));
                    if (f % Math.Max(1, settings.Fps * 2) == 0) log($"frame {f}/{frames}: {world.Emitters.Count} emitters, {host.Playing} playing");
                }
            }
            glLeft = host.GlObjectsLeft; // counted when the host freed the scene, before the context goes
            stats = world.Stats;
        }
        string wav = Path.Combine(settings.OutDir, "mix.wav");
        float[] stereo = [.. mix];
        WavFile.Write(wav, new AudioClip(stereo, 2, RenderSettings.SampleRate));
        string? mp4 = settings.Mp4 ? Video.TryEncode(framesDir, wav, settings.Fps, Path.Combine(settings.OutDir, "flythrough.mp4"), log) : null;
        double left = 0, right = 0;
        for (int i = 0; i + 1 < stereo.Length; i += 2) { left += stereo[i] * stereo[i]; right += stereo[i + 1] * stereo[i + 1]; }
        return new Result
        {
            Frames = frames, FramesDir = framesDir, Wav = wav, Mp4 = mp4, SecondsRendered = frames / (double)settings.Fps, WallSeconds = wall.Elapsed.TotalSeconds,
            Stats = stats, LeftEnergy = left, RightEnergy = right, GlObjectsLeft = glLeft, AlObjectsLeft = AlLiveObjects.Count,
        };
    }
}

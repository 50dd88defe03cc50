using System.Diagnostics;
using System.Numerics;
using GenWorld.Audio.OpenAl;
using GenWorld.Audio.Output;
using GenWorld.Core.Audio;
using GenWorld.Host.Clocks;
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
    /// <param name="Frames">Frames rendered.</param>
    /// <param name="FramesDir">Folder of frame-NNNNN.png.</param>
    /// <param name="Wav">The stereo spatial mix.</param>
    /// <param name="Mp4">The video, when ffmpeg made one.</param>
    /// <param name="SecondsRendered">Length of the render.</param>
    /// <param name="WallSeconds">Wall time it took.</param>
    /// <param name="Stats">The world's figures at the end.</param>
    /// <param name="LeftEnergy">Sum of squares of the left channel.</param>
    /// <param name="RightEnergy">Sum of squares of the right channel.</param>
    /// <param name="GlObjectsLeft">GL objects alive after the scene was freed.</param>
    /// <param name="AlObjectsLeft">AL objects alive after the audio was freed.</param>
    public sealed record Result(int Frames, string FramesDir, string Wav, string? Mp4, double SecondsRendered, double WallSeconds,
        WorldStats Stats, double LeftEnergy, double RightEnergy, long GlObjectsLeft, int AlObjectsLeft);

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
            var orbit = new OrbitCamera(Vector3.Zero, world.Projection.Positions.Max(p => new Vector2(p.X, p.Z).Length()) * 0.45f, 3f, Period: 40);
            using var audio = OpenAlAudioOutput.CreateLoopback(RenderSettings.SampleRate, settings.Hrtf ? HrtfMode.On : HrtfMode.Off);
            using var context = new EglSurfacelessContext(settings.Width, settings.Height);
            var clock = new FixedStepClock(settings.Fps);
            var options = new WorldHostOptions { Voices = new() { MaxVoices = 8, Hrtf = settings.Hrtf }, WaitForContent = settings.WaitForContent };
            var host = new WorldHost(world, clock, context, audio, options);
            using (host)
            {
                for (int f = 0; f < frames; f++)
                {
                    cancel.ThrowIfCancellationRequested();
                    host.Step((t, _) => path?.At(t) ?? orbit.At(t), default, cancel);
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
        return new Result(frames, framesDir, wav, mp4, frames / (double)settings.Fps, wall.Elapsed.TotalSeconds, stats, left, right, glLeft, AlLiveObjects.Count);
    }
}

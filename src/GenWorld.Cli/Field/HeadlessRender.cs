using System.Diagnostics;
using System.Numerics;
using GenWorld.Audio.OpenAl;
using GenWorld.Audio.Output;
using GenWorld.Core.Audio;
using GenWorld.Rendering;
using GenWorld.Rendering.Egl;
using GenWorld.World;
using GenWorld.World.Cameras;

namespace GenWorld.Cli.Field;

/// <summary>
/// The headless host: a fixed-step clock drives the world, EGL renders each frame to a PNG, and the OpenAL loopback
/// device renders exactly one frame's worth of the spatial mix per frame, so picture and sound stay in sync.
/// </summary>
internal static class HeadlessRender
{
    public sealed record Result(int Frames, string FramesDir, string Wav, string? Mp4, double SecondsRendered, double WallSeconds,
        WorldStats Stats, double LeftEnergy, double RightEnergy, long GlObjectsLeft, int AlObjectsLeft);

    public static Result Run(RenderSettings settings, Action<string> log, CancellationToken cancel = default)
    {
        settings.Validate();
        Directory.CreateDirectory(settings.OutDir);
        string framesDir = Path.Combine(settings.OutDir, "frames");
        Directory.CreateDirectory(framesDir);
        CameraPath? path = settings.PathFile is null ? null : CameraPath.Load(settings.PathFile);
        double seconds = settings.Seconds ?? path?.Duration ?? 8;
        int frames = Math.Max(1, (int)Math.Round(seconds * settings.Fps));
        var clock = Stopwatch.StartNew();
        var mix = new List<float>(frames * (RenderSettings.SampleRate / settings.Fps + 1) * 2);
        long glLeft;
        WorldStats stats;
        using (LatentWorld world = LatentWorld.Open(settings.Model, new LatentWorldOptions { TextureModel = settings.TextureModel, Log = log }))
        using (settings.Follow is null ? null : world.FollowPublishedVersions(settings.Follow))
        {
            var orbit = new OrbitCamera(Vector3.Zero, world.Projection.Positions.Max(p => new Vector2(p.X, p.Z).Length()) * 0.45f, 3f, Period: 40);
            using var audio = OpenAlAudioOutput.CreateLoopback(RenderSettings.SampleRate, settings.Hrtf ? HrtfMode.On : HrtfMode.Off);
            using var context = new EglSurfacelessContext(settings.Width, settings.Height);
            using var device = new GlDevice(context);
            using (var target = new RenderTarget(device, settings.Width, settings.Height))
            using (var scene = new FieldScene(device, world))
            using (var voices = new EmitterVoices(audio, new Audio.Voices.VoicePoolOptions { MaxVoices = 8, Hrtf = settings.Hrtf }))
            {
                AlLoopbackDevice loopback = audio.Loopback!;
                for (int f = 0; f < frames; f++)
                {
                    cancel.ThrowIfCancellationRequested();
                    double t = (double)f / settings.Fps;
                    Pose pose = path?.At(t) ?? orbit.At(t);
                    world.Update(t, pose);
                    if (settings.WaitForContent)
                    {
                        // Offline: give generation the wall time a real-time run would have had, so the movie has its sounds.
                        // Polled, not awaited: GL belongs to this thread and an await could resume on another.
                        Task ready = world.WhenContentReady();
                        SpinWait.SpinUntil(() => ready.IsCompleted || cancel.IsCancellationRequested, TimeSpan.FromSeconds(2));
                        world.Update(t, pose);
                    }
                    voices.Sync(world, pose);
                    target.Bind();
                    scene.Draw(world, pose, settings.Width, settings.Height, settings.Fps, voices.Playing);
                    target.SavePng(Path.Combine(framesDir, $"frame-{f:D5}.png"));
                    int samples = (int)(((long)(f + 1) * RenderSettings.SampleRate / settings.Fps) - ((long)f * RenderSettings.SampleRate / settings.Fps));
                    mix.AddRange(loopback.Render(samples));
                    device.ProcessPendingDeletions();
                    if (f % Math.Max(1, settings.Fps * 2) == 0) log($"frame {f}/{frames}: {world.Emitters.Count} emitters, {voices.Playing} playing");
                }
                target.Unbind();
            }
            device.ProcessPendingDeletions();
            glLeft = device.LiveObjects.Total;
            stats = world.Stats;
        }
        string wav = Path.Combine(settings.OutDir, "mix.wav");
        float[] stereo = [.. mix];
        WavFile.Write(wav, new AudioClip(stereo, 2, RenderSettings.SampleRate));
        string? mp4 = settings.Mp4 ? Video.TryEncode(framesDir, wav, settings.Fps, Path.Combine(settings.OutDir, "flythrough.mp4"), log) : null;
        double left = 0, right = 0;
        for (int i = 0; i + 1 < stereo.Length; i += 2) { left += stereo[i] * stereo[i]; right += stereo[i + 1] * stereo[i + 1]; }
        return new Result(frames, framesDir, wav, mp4, frames / (double)settings.Fps, clock.Elapsed.TotalSeconds, stats, left, right, glLeft, AlLiveObjects.Count);
    }
}

using System.Diagnostics;
using System.Numerics;
using GenWorld.Audio.Diagnostics;
using GenWorld.Audio.OpenAl;
using GenWorld.Audio.Output;
using GenWorld.Host.Attract;
using GenWorld.Host.Clocks;
using GenWorld.Host.Kiosk;
using GenWorld.Host.Osc;
using GenWorld.Host.Surfaces;
using GenWorld.Rendering;
using GenWorld.Rendering.Egl;
using GenWorld.World;
using GenWorld.World.Attract;
using GenWorld.World.Cameras;

namespace GenWorld.Host.Headless;

/// <summary>
/// <see cref="WorldHost"/> with no window (<see cref="NullSurface"/>, or with <see cref="RunSettings.Draw"/> the field
/// frame drawn into an EGL surfaceless context, rebuilt on a fresh one if the context is lost), the spatial mix going to
/// OpenAL's loopback device (mixed on the frame thread, as a device would, and handed to <see cref="RunSettings.OnFrame"/>),
/// the default device or nowhere, and the camera steered by OSC and attract mode: an installation's sound without a
/// screen, or a world that TouchDesigner or Max draws. Runs until cancelled or <see cref="RunSettings.Seconds"/> pass.
/// Counts the times its sound ran dry (<see cref="AudioUnderruns"/>): loopback mixes later than a card's buffer, voices found stopped.
/// </summary>
public static class HeadlessRun
{
    private const int SampleRate = 48000, MixBlock = 1024;

    /// <summary>Runs <paramref name="settings"/>; <paramref name="log"/> gets the few lines worth reading.</summary>
    /// <exception cref="ArgumentException">A setting is wrong (the message names it).</exception>
    public static RunResult Run(RunSettings settings, Action<string> log, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(log);
        string[] errors = [.. settings.Errors()];
        if (errors.Length > 0) throw new ArgumentException(string.Join(" ", errors));
        var frameTimes = new FrameTimeHistogram();
        // Declared before the world and the OSC link, so it outlives the threads that wake it.
        using var pacer = new FramePacer(settings.Fps);
        Action? wake = settings.FixedStep ? null : pacer.Wake;
        using LatentWorld world = LatentWorld.Open(settings.Model, new LatentWorldOptions
        {
            TextureModel = settings.Draw ? settings.TextureModel : null, Log = log, SoundArrived = wake,
        });
        using IDisposable? follow = settings.Follow is null ? null : world.FollowPublishedVersions(settings.Follow);
        // The watch owns the output (and any it reopens); declared before the host, it is disposed after the voices.
        using var audioWatch = new AudioDeviceWatch(OpenAudio(settings, log), () => OpenAudio(settings, log), log);
        using AttractSetup? attractSetup = AttractSetup.TryOpen(settings.AttractAfter, world, settings.PriorModel, log);
        float radius = world.Projection.Positions.Max(p => new Vector2(p.X, p.Z).Length());
        var fly = new FlyCamera(new Vector3(0, 3, radius * 0.6f)) { Speed = Math.Max(2f, radius / 10) };
        AttractMode? attract = attractSetup?.Wrap(fly);
        var steering = new CameraSteering(fly, attract);
        IFrameClock clock = settings.FixedStep ? new FixedStepClock(settings.Fps) : new WallClock();
        var options = new WorldHostOptions { Voices = new() { MaxVoices = 8, Hrtf = settings.Hrtf, Reverb = settings.Reverb }, Hud = false };
        // The watch owns the surface (and any fresh one after a loss); declared before the host, it is destroyed after the renderer.
        using var glWatch = new GlContextWatch(OpenSurface(settings), () => OpenSurface(settings), log, settings.SimulateGlLossEvery);
        using var host = new WorldHost(world, clock, glWatch.Current, audioWatch.Current, options);
        if (host.Device is { } device) log($"run: drawing {settings.Width}x{settings.Height} on {device.Renderer} ({glWatch.Current.Description}; reset notification {(device.ContextLoss.NotificationOn ? "on" : "off")})");
        using WorldOscLink? osc = settings.Osc is null ? null : new WorldOscLink(settings.Osc, world, host, steering, log, wake);
        if (osc?.InputPort is int port) log($"run: OSC in on 127.0.0.1:{port}");
        if (settings.Osc?.Outputs.Count > 0) log($"run: OSC feedback to {string.Join(", ", settings.Osc.Outputs)} at {settings.Osc.FeedbackRateHz} Hz");

        var deadline = new MixDeadline();
        float[] mix = new float[SampleRate * 2];
        double mixedUntil = 0;
        bool extra = false;
        FrameInFlight? inFlight = null;
        for (long index = 0; !cancel.IsCancellationRequested && (settings.Seconds is null || clock.Now < settings.Seconds || index == 0); index++)
        {
            long start = Stopwatch.GetTimestamp();
            osc?.Poll();
            audioWatch.Check(host);
            glWatch.Check(host);
            // Real time only; a rebuilt context starts with nothing in flight (the old fence went with the old context).
            if (!settings.FixedStep && host.Device is { } current && inFlight?.Device != current) inFlight = new FrameInFlight(current);
            // A regular frame draws unless the GL is still on the last one: the world and the mix never wait for the raster.
            bool draw = !extra && !(inFlight?.IsBusy() ?? false);
            HostFrame frame = host.Step((t, dt) => steering.Update(t, dt, default), default, draw, cancel);
            // A fixed-step run (a rehearsal, a test) draws every regular frame and waits for it, as a render does: its
            // frames are the clock, so none may be skipped, and the raster's time is the frame's.
            if (draw && settings.FixedStep) host.Device?.Gl.Finish();
            else if (draw) inFlight?.Submitted();
            osc?.Publish(frame.Time, frame.Pose);
            int samples = 0;
            AlLoopbackDevice? loopback = (audioWatch.Current as OpenAlAudioOutput)?.Loopback;
            if (loopback is not null)
            {
                // Mix exactly the audio time this frame covers (at most 0.5 s after a stall), as a device pulls it.
                samples = settings.FixedStep ? ((FixedStepClock)clock).SamplesInFrame(SampleRate) : (int)Math.Min(SampleRate / 2, Math.Round((frame.Time - mixedUntil) * SampleRate));
                mixedUntil += samples / (double)SampleRate;
                if (!settings.FixedStep && frame.Time - mixedUntil > 0.5) mixedUntil = frame.Time;
                // In blocks of at most 1,024 frames, the size a device pulls: every crash of a long run (OpenAL, then
                // ONNX Runtime or the runtime itself) came with larger, varying renders; a soak with no mixing ran clean.
                for (int done = 0; done < samples; done += MixBlock)
                    loopback.Render(mix.AsSpan(done * 2, Math.Min(MixBlock, samples - done) * 2));
                if (index > 0) deadline.Mixed(frame.Delta);
            }
            double work = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (!extra) frameTimes.Add(work);
            var underruns = new AudioUnderruns(deadline.Late, host.VoicesStarved);
            GlFigures? gl = host.Device is { } drawn ? new GlFigures(drawn.LiveObjects, host.Scene!.Renderer.Textures.Count, glWatch.Rebuilds) : null;
            settings.OnFrame?.Invoke(new RunFrame(index, frame, work, mix.AsMemory(0, samples * 2), world, osc, underruns, gl, extra, Drawn: draw && host.Device is not null));
            if (settings.FixedStep) continue;
            // The regular beat, or sooner for a pose or a sound that just arrived (see FramePacer).
            extra = pacer.WaitNext();
        }
        inFlight?.Dispose();
        return new RunResult(host.Frames - pacer.ExtraFrames, clock.Now, frameTimes, osc?.Stats?.ToString(), world.Stats, new AudioUnderruns(deadline.Late, host.VoicesStarved));
    }

    private static IGLContext OpenSurface(RunSettings settings) =>
        settings.Draw ? new EglSurfacelessContext(settings.Width, settings.Height) : new NullSurface(settings.Width, settings.Height);

    private static IAudioOutput OpenAudio(RunSettings settings, Action<string> log) => settings.Audio switch
    {
        RunAudio.Loopback => OpenAlAudioOutput.CreateLoopback(SampleRate, settings.Hrtf ? HrtfMode.On : HrtfMode.Off),
        RunAudio.Device => AudioOutputs.OpenDefault(log),
        _ => new NullAudioOutput("--audio none"),
    };
}

using GenWorld.Audio.Output;
using GenWorld.Host.Clocks;
using GenWorld.Host.Scene;
using GenWorld.Host.Surfaces;
using GenWorld.Rendering;
using GenWorld.World;
using GenWorld.World.Cameras;

namespace GenWorld.Host;

/// <summary>
/// The one frame loop of every GenWorld host: clock → camera → <see cref="LatentWorld.Update"/> → voices → renderer →
/// present. Only three things change between hosts (osu-framework's <c>HeadlessGameHost</c> swaps the same three):
/// the <see cref="IFrameClock"/> (fixed-step for renders and tests, wall for a window), the surface (a GLFW window, an
/// EGL surfaceless context, or a <see cref="NullSurface"/> that draws nothing) and the <see cref="IAudioOutput"/>
/// (an OpenAL device, the loopback device, or silence). The caller owns the world, the surface and the output.
/// </summary>
/// <remarks>GL objects are created, drawn and freed on the thread that constructs the host; call every member from it.</remarks>
public sealed class WorldHost : IDisposable
{
    private IGLContext _surface;
    private readonly WorldHostOptions _options;
    private EmitterVoices _voices;
    private GlDevice? _device;
    private RenderTarget? _target;
    private FieldScene? _scene;
    private long _glLeftBefore;
    private readonly RenderedFrameRate _drawn = new();
    private readonly System.Diagnostics.Stopwatch _wall = System.Diagnostics.Stopwatch.StartNew();
    private double _last = double.NaN;
    private int _starvedBefore;
    private bool _disposed;

    /// <summary>Opens the renderer on <paramref name="surface"/> (none for a <see cref="NullSurface"/>) and the voices on <paramref name="audio"/>.</summary>
    public WorldHost(LatentWorld world, IFrameClock clock, IGLContext surface, IAudioOutput audio, WorldHostOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(surface);
        ArgumentNullException.ThrowIfNull(audio);
        _options = options ?? new WorldHostOptions();
        _options.Validate();
        (World, Clock, _surface) = (world, clock, surface);
        _voices = new EmitterVoices(audio, _options.Voices, _options.MasterGain);
        OpenRenderer();
    }

    /// <summary>The world this host drives.</summary>
    public LatentWorld World { get; }

    /// <summary>The clock that times each frame.</summary>
    public IFrameClock Clock { get; }

    /// <summary>The GL device (null on a <see cref="NullSurface"/>).</summary>
    public GlDevice? Device => _device;

    /// <summary>Where headless frames are drawn, to read back or save (null for a window or a <see cref="NullSurface"/>).</summary>
    public RenderTarget? Target => _target;

    /// <summary>The scene renderer (null on a <see cref="NullSurface"/>).</summary>
    public FieldScene? Scene => _scene;

    /// <summary>Gain on top of each emitter's fade (0..4), starting at <see cref="WorldHostOptions.MasterGain"/>.</summary>
    public float MasterGain
    {
        get => _voices.MasterGain;
        set => _voices.MasterGain = value;
    }

    /// <summary>Voices playing after the last frame.</summary>
    public int Playing => _voices.Playing;

    /// <summary>Looping voices found stopped while they should sound, on every output this host played on.</summary>
    public int VoicesStarved => _starvedBefore + _voices.Starved;

    /// <summary>
    /// Moves the voices to <paramref name="audio"/> (a device that came back, or silence after one was lost): the old
    /// voices and their buffers are freed here, so the caller may then close the old output; the master gain is kept.
    /// If the new voices fail to start (the exception propagates), the old ones stay.
    /// </summary>
    public void ReplaceAudio(IAudioOutput audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
        ObjectDisposedException.ThrowIf(_disposed, this);
        // The new voices first: if the new output fails while they start, the world keeps the old ones.
        var next = new EmitterVoices(audio, _options.Voices, _voices.MasterGain);
        _starvedBefore += _voices.Starved;
        _voices.Dispose();
        _voices = next;
    }

    /// <summary>
    /// Moves the renderer to <paramref name="surface"/> (a fresh context after the old one was lost): the scene, the render
    /// target and the GL device of the old context are freed here (on a lost context those deletions do nothing, which
    /// GL allows), so the caller may then destroy it; then a new device, target and scene are built on the new one,
    /// which becomes current on this thread. The world and the voices are untouched: the sound plays on.
    /// </summary>
    public void ReplaceSurface(IGLContext surface)
    {
        ArgumentNullException.ThrowIfNull(surface);
        ObjectDisposedException.ThrowIf(_disposed, this);
        CloseRenderer();
        _surface = surface;
        OpenRenderer();
    }

    /// <summary>
    /// Frames drawn per second of wall time over the last second (what the HUD shows): a fixed-step render at 24 fps that
    /// manages 7 frames a second reads 7 here. 0 on a <see cref="NullSurface"/>, which draws nothing.
    /// </summary>
    public double DrawnFramesPerSecond => _drawn.Value;

    /// <summary>Frames run so far.</summary>
    public long Frames { get; private set; }

    /// <summary>
    /// GL objects still alive after <see cref="Dispose"/> freed the scene, on every context this host drew with (0 unless
    /// something leaked; 0 without GL).
    /// </summary>
    public long GlObjectsLeft { get; private set; }

    /// <summary>
    /// Runs one frame: ticks the clock, asks <paramref name="camera"/> for the pose at (time, seconds since last frame),
    /// updates the world, brings the voices in line, draws and presents; with <paramref name="draw"/> false it stops
    /// after the voices (an extra frame between regular ones, for sound only).
    /// </summary>
    public HostFrame Step(Func<double, double, Pose> camera, WorldInput input = default, bool draw = true, CancellationToken cancel = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(camera);
        double t = Clock.Tick(), dt = double.IsNaN(_last) ? 0 : t - _last;
        _last = t;
        Pose pose = camera(t, dt);
        World.Update(t, pose, input);
        if (_options.WaitForContent)
        {
            // Polled, not awaited: GL belongs to this thread and an await could resume on another.
            Task ready = World.WhenContentReady();
            SpinWait.SpinUntil(() => ready.IsCompleted || cancel.IsCancellationRequested, _options.ContentWait);
            World.Update(t, pose, input);
        }
        _voices.Sync(World, pose);
        if (_scene is not null && draw)
        {
            _target?.Bind();
            int width = _target?.Width ?? _surface.Width, height = _target?.Height ?? _surface.Height;
            _scene.Draw(World, pose, width, height, _drawn.Value, _voices.Playing, _options.Hud);
            _surface.SwapBuffers();
            _device!.ProcessPendingDeletions();
            _drawn.FrameDrawn(_wall.Elapsed.TotalSeconds);
        }
        Frames++;
        return new HostFrame(t, dt, pose);
    }

    /// <summary>Frees the scene, the voices and the GL device (on this thread), counting GL objects that outlived them.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        CloseRenderer();
        _voices.Dispose();
        GlObjectsLeft = _glLeftBefore;
    }

    private void OpenRenderer()
    {
        if (_surface is NullSurface) return;
        _device = new GlDevice(_surface);
        // Headless contexts have no default framebuffer: the frame goes to a target the caller can read back.
        if (!_surface.HasDefaultFramebuffer) _target = new RenderTarget(_device, _surface.Width, _surface.Height);
        _scene = new FieldScene(_device, World);
    }

    private void CloseRenderer()
    {
        _scene?.Dispose();
        _target?.Unbind();
        _target?.Dispose();
        (_scene, _target) = (null, null);
        if (_device is null) return;
        _device.ProcessPendingDeletions();
        _glLeftBefore += _device.LiveObjects.Total;
        _device.Dispose();
        _device = null;
    }
}

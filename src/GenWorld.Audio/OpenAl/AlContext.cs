using GenWorld.Audio.Native;
using static GenWorld.Audio.Native.AlConstants;

namespace GenWorld.Audio.OpenAl;

/// <summary>
/// An OpenAL context: the listener, world settings (distance model, Doppler) and the objects created through it.
/// AL calls act on the current context, so every wrapper makes its context current first (a cheap check).
/// </summary>
public sealed unsafe class AlContext : IDisposable
{
    private readonly List<AlObject> _objects = [];
    private IntPtr _handle;

    internal AlContext(AlDevice device, IntPtr handle)
    {
        Device = device;
        _handle = handle;
        AlLiveObjects.Created("context");
        Listener = new AlListener(this);
    }

    /// <summary>The device this context mixes on.</summary>
    public AlDevice Device { get; }

    /// <summary>The listener (one per context).</summary>
    public AlListener Listener { get; }

    /// <summary>True once destroyed.</summary>
    public bool IsDisposed => _handle == IntPtr.Zero;

    internal OpenAlApis Api => Device.Api;

    /// <summary><c>AL_VERSION</c>, e.g. "1.1 ALSOFT 1.19.1".</summary>
    public string Version => GetString(AL_VERSION);

    /// <summary><c>AL_RENDERER</c>, e.g. "OpenAL Soft".</summary>
    public string Renderer => GetString(AL_RENDERER);

    /// <summary><c>AL_VENDOR</c>.</summary>
    public string Vendor => GetString(AL_VENDOR);

    /// <summary>How gain falls with distance; the AL default is <see cref="OpenAl.DistanceModel.InverseClamped"/>.</summary>
    public DistanceModel DistanceModel
    {
        get { MakeCurrent(); return (DistanceModel)Api.Al.alGetInteger(AL_DISTANCE_MODEL); }
        set { MakeCurrent(); Api.Al.alDistanceModel((int)value); AlErrors.CheckAl(Api, $"alDistanceModel({value})"); }
    }

    /// <summary>Scales the Doppler shift (0 disables it; default 1).</summary>
    public float DopplerFactor
    {
        get { MakeCurrent(); return Api.Al.alGetFloat(AL_DOPPLER_FACTOR); }
        set { MakeCurrent(); Api.Al.alDopplerFactor(value); AlErrors.CheckAl(Api, $"alDopplerFactor({value})"); }
    }

    /// <summary>Speed of sound in world units per second (default 343.3).</summary>
    public float SpeedOfSound
    {
        get { MakeCurrent(); return Api.Al.alGetFloat(AL_SPEED_OF_SOUND); }
        set { MakeCurrent(); Api.Al.alSpeedOfSound(value); AlErrors.CheckAl(Api, $"alSpeedOfSound({value})"); }
    }

    /// <summary>Whether an AL extension is present, e.g. <c>AL_EXT_FLOAT32</c>.</summary>
    public bool HasExtension(string extension)
    {
        MakeCurrent();
        IntPtr utf8 = AlStrings.ToNative(extension);
        try
        {
            return Api.Al.alIsExtensionPresent((byte*)utf8) != 0;
        }
        finally
        {
            System.Runtime.InteropServices.Marshal.FreeCoTaskMem(utf8);
        }
    }

    /// <summary>Creates an empty buffer; fill it with <see cref="AlBuffer.Upload(ReadOnlySpan{float}, int, int)"/>.</summary>
    public AlBuffer CreateBuffer() => AlBuffer.Create(this);

    /// <summary>Creates a source at the origin, gain 1, not playing.</summary>
    public AlSource CreateSource() => AlSource.Create(this);

    /// <summary>Destroys the context after deleting what was created through it (sources before what they use).</summary>
    public void Dispose()
    {
        if (IsDisposed) return;
        MakeCurrent();
        // Sources hold buffers and slot sends; AL refuses to delete in-use buffers and slots.
        foreach (AlObject o in _objects.OrderBy(o => o.DeleteOrder).ToArray()) o.Dispose();
        Api.Alc.alcMakeContextCurrent(IntPtr.Zero);
        Api.Alc.alcDestroyContext(_handle);
        AlErrors.CheckAlc(Api, Device.Handle, "alcDestroyContext");
        _handle = IntPtr.Zero;
        AlLiveObjects.Destroyed("context");
        Device.Forget(this);
    }

    internal void MakeCurrent()
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        if (Api.Alc.alcGetCurrentContext() == _handle) return;
        if (Api.Alc.alcMakeContextCurrent(_handle) == 0)
            throw new AlException("alcMakeContextCurrent", AlErrors.AlcName(Api.Alc.alcGetError(Device.Handle)));
    }

    internal void Track(AlObject o) => _objects.Add(o);

    internal void Untrack(AlObject o) => _objects.Remove(o);

    internal IEnumerable<AlSource> Sources => _objects.OfType<AlSource>();

    internal IEnumerable<AlObject> Objects => _objects;

    private string GetString(int param)
    {
        MakeCurrent();
        return AlStrings.Read(Api.Al.alGetString(param));
    }
}

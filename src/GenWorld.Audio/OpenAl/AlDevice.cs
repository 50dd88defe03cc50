using GenWorld.Audio.Native;
using static GenWorld.Audio.Native.AlcConstants;

namespace GenWorld.Audio.OpenAl;

/// <summary>An OpenAL output device (<c>alcOpenDevice</c>). Closing it destroys its remaining contexts first.</summary>
public unsafe partial class AlDevice : IDisposable
{
    /// <summary>The name of OpenAL Soft's null backend device: it mixes in real time and outputs nothing.</summary>
    public const string NullOutputName = "No Output";

    private readonly List<AlContext> _contexts = [];

    private protected AlDevice(OpenAlApis api, IntPtr handle)
    {
        Api = api;
        Handle = handle;
        AlLiveObjects.Created("device");
    }

    internal OpenAlApis Api { get; }

    internal IntPtr Handle { get; private set; }

    /// <summary>True once closed.</summary>
    public bool IsDisposed => Handle == IntPtr.Zero;

    /// <summary>Opens the named playback device, or the default one when <paramref name="name"/> is null.</summary>
    public static AlDevice Open(string? name = null) => Open(OpenAlLibrary.Api, name);

    internal static AlDevice Open(OpenAlApis api, string? name)
    {
        IntPtr utf8 = AlStrings.ToNative(name);
        try
        {
            IntPtr handle = api.Alc.alcOpenDevice((byte*)utf8);
            if (handle == IntPtr.Zero)
                throw new AlException($"alcOpenDevice({(name is null ? "default" : $"\"{name}\"")})",
                    AlErrors.AlcName(api.Alc.alcGetError(IntPtr.Zero)));
            return new AlDevice(api, handle);
        }
        finally
        {
            System.Runtime.InteropServices.Marshal.FreeCoTaskMem(utf8);
        }
    }

    /// <summary>The device's full name (e.g. a sound card, or <see cref="NullOutputName"/>).</summary>
    public string Name
    {
        get
        {
            ThrowIfDisposed();
            string full = AlStrings.Read(Api.Alc.alcGetString(Handle, ALC_ALL_DEVICES_SPECIFIER));
            return full.Length > 0 ? full : AlStrings.Read(Api.Alc.alcGetString(Handle, ALC_DEVICE_SPECIFIER));
        }
    }

    /// <summary>True when this is OpenAL Soft's null backend: the mix runs but nothing is heard.</summary>
    public bool IsNullOutput => Name == NullOutputName;

    /// <summary>
    /// False once the device has gone away (ALC_EXT_disconnect: unplugged, its sound server or sink failed). A lost
    /// device stays lost; it must be closed and a new one opened. True on devices without the extension.
    /// </summary>
    public bool IsConnected => !HasExtension("ALC_EXT_disconnect") || GetInteger(ALC_CONNECTED, "ALC_CONNECTED") != 0;

    /// <summary>Whether the device supports an ALC extension, e.g. <c>ALC_EXT_EFX</c>.</summary>
    public bool HasExtension(string extension)
    {
        ThrowIfDisposed();
        IntPtr utf8 = AlStrings.ToNative(extension);
        try
        {
            return Api.Alc.alcIsExtensionPresent(Handle, (byte*)utf8) != 0;
        }
        finally
        {
            System.Runtime.InteropServices.Marshal.FreeCoTaskMem(utf8);
        }
    }

    /// <summary>Number of auxiliary sends per source (EFX), or 0 without EFX.</summary>
    public int MaxAuxiliarySends => HasExtension("ALC_EXT_EFX") ? GetInteger(ALC_MAX_AUXILIARY_SENDS, "ALC_MAX_AUXILIARY_SENDS") : 0;

    /// <summary>Creates a context on this device; validate-then-do: a bad HRTF name fails before any native call.</summary>
    public AlContext CreateContext(ContextAttributes? attributes = null)
    {
        ThrowIfDisposed();
        attributes ??= new ContextAttributes();
        int[] list = BuildAttributes(attributes);
        IntPtr handle;
        fixed (int* p = list) handle = Api.Alc.alcCreateContext(Handle, p);
        if (handle == IntPtr.Zero)
            throw new AlException("alcCreateContext", AlErrors.AlcName(Api.Alc.alcGetError(Handle)));
        var context = new AlContext(this, handle);
        _contexts.Add(context);
        return context;
    }

    /// <summary>Destroys remaining contexts (and their objects), then closes the device.</summary>
    public void Dispose()
    {
        if (IsDisposed) return;
        foreach (AlContext context in _contexts.ToArray()) context.Dispose();
        if (Api.Alc.alcCloseDevice(Handle) == 0)
            throw new AlException("alcCloseDevice", AlErrors.AlcName(Api.Alc.alcGetError(Handle)));
        Handle = IntPtr.Zero;
        AlLiveObjects.Destroyed("device");
        GC.SuppressFinalize(this);
    }

    internal void Forget(AlContext context) => _contexts.Remove(context);

    internal int GetInteger(int param, string paramName)
    {
        ThrowIfDisposed();
        int value = 0;
        Api.Alc.alcGetIntegerv(Handle, param, 1, &value);
        AlErrors.CheckAlc(Api, Handle, $"alcGetIntegerv({paramName})");
        return value;
    }

    /// <summary>Adds attributes every context on this device needs (a loopback device adds its render format).</summary>
    private protected virtual void AddFormatAttributes(List<int> attributes) { }

    internal int[] BuildAttributes(ContextAttributes attributes)
    {
        var list = new List<int>();
        AddFormatAttributes(list);
        if (attributes.Hrtf != HrtfMode.DontCare)
        {
            list.Add(ALC_HRTF_SOFT);
            list.Add(attributes.Hrtf == HrtfMode.On ? ALC_TRUE : ALC_FALSE);
        }
        if (attributes.HrtfName is { } hrtfName)
        {
            IReadOnlyList<string> names = HrtfNames;
            int index = names.ToList().IndexOf(hrtfName);
            if (index < 0)
                throw new ArgumentException($"HRTF '{hrtfName}' is not available; available: {string.Join(", ", names)}", nameof(attributes));
            list.Add(ALC_HRTF_ID_SOFT);
            list.Add(index);
        }
        if (attributes.MaxAuxiliarySends is { } sends)
        {
            list.Add(ALC_MAX_AUXILIARY_SENDS);
            list.Add(sends);
        }
        list.Add(0);
        return [.. list];
    }

    private protected void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(IsDisposed, this);
}

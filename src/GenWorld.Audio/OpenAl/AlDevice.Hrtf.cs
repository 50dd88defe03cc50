using GenWorld.Audio.Native;
using static GenWorld.Audio.Native.AlcConstants;

namespace GenWorld.Audio.OpenAl;

/// <summary>ALC_SOFT_HRTF on a device: list the data sets, switch HRTF by resetting the device, read the status back.</summary>
public unsafe partial class AlDevice
{
    /// <summary>Whether OpenAL Soft offers HRTF control here.</summary>
    public bool SupportsHrtf => HasExtension("ALC_SOFT_HRTF");

    /// <summary>HRTF data sets OpenAL Soft found (e.g. "Built-In HRTF", or names from libopenal-data).</summary>
    public IReadOnlyList<string> HrtfNames
    {
        get
        {
            AlcSoftApi soft = Api.RequireSoft("ALC_SOFT_HRTF");
            int count = GetInteger(ALC_NUM_HRTF_SPECIFIERS_SOFT, "ALC_NUM_HRTF_SPECIFIERS_SOFT");
            var names = new List<string>(count);
            for (int i = 0; i < count; i++)
            {
                names.Add(AlStrings.Read(soft.alcGetStringiSOFT(Handle, ALC_HRTF_SPECIFIER_SOFT, i)));
                AlErrors.CheckAlc(Api, Handle, $"alcGetStringiSOFT(ALC_HRTF_SPECIFIER_SOFT, {i})");
            }
            return names;
        }
    }

    /// <summary>The current HRTF state (<c>ALC_HRTF_STATUS_SOFT</c>).</summary>
    public HrtfStatus HrtfStatus => (HrtfStatus)GetInteger(ALC_HRTF_STATUS_SOFT, "ALC_HRTF_STATUS_SOFT");

    /// <summary>Whether HRTF is rendering now (<c>ALC_HRTF_SOFT</c>).</summary>
    public bool IsHrtfEnabled => GetInteger(ALC_HRTF_SOFT, "ALC_HRTF_SOFT") == ALC_TRUE;

    /// <summary>The HRTF in use, or null when HRTF is off.</summary>
    public string? ActiveHrtfName
    {
        get
        {
            if (!IsHrtfEnabled) return null;
            string name = AlStrings.Read(Api.Alc.alcGetString(Handle, ALC_HRTF_SPECIFIER_SOFT));
            return name.Length == 0 ? null : name;
        }
    }

    /// <summary>Re-applies attributes to a live device (<c>alcResetDeviceSOFT</c>), e.g. to switch HRTF on or off.</summary>
    public void Reset(ContextAttributes attributes)
    {
        ThrowIfDisposed();
        AlcSoftApi soft = Api.RequireSoft("ALC_SOFT_HRTF");
        int[] list = BuildAttributes(attributes);
        byte ok;
        fixed (int* p = list) ok = soft.alcResetDeviceSOFT(Handle, p);
        if (ok == 0) throw new AlException("alcResetDeviceSOFT", AlErrors.AlcName(Api.Alc.alcGetError(Handle)));
    }
}

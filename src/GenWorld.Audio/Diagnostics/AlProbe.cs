using System.Globalization;
using System.Numerics;
using GenWorld.Audio.Efx;
using GenWorld.Audio.Native;
using GenWorld.Audio.OpenAl;
using GenWorld.Audio.Output;
using GenWorld.Core.Diagnostics;

namespace GenWorld.Audio.Diagnostics;

/// <summary>
/// OpenAL rows for <c>genworld info</c>: library and version, the default device (or the fallback and why),
/// a real loopback render of a sine, HRTF data sets and EFX. Every row ran; failures become rows, never exceptions.
/// </summary>
public static class AlProbe
{
    private const string Area = "OpenAL";
    private const int SampleRate = 48000;

    /// <summary>Runs the checks; never throws.</summary>
    public static IReadOnlyList<ProbeResult> Run()
    {
        var rows = new List<ProbeResult>();
        try
        {
            _ = OpenAlLibrary.Api;
            rows.Add(new(Area, "library", OpenAlLibrary.Api.Library.SoName, true));
        }
        catch (Exception e)
        {
            rows.Add(new(Area, "library", e.Message, false));
            return rows;
        }
        rows.Add(Guard("default device", DefaultDevice));
        try
        {
            using AlLoopbackDevice device = AlLoopbackDevice.Open(SampleRate);
            using AlContext context = device.CreateContext(new ContextAttributes { Hrtf = HrtfMode.Off });
            rows.Add(new(Area, "version", $"{context.Version} ({context.Renderer})", true));
            rows.Add(Guard("loopback render", () => LoopbackRender(device, context)));
            rows.Add(Guard("HRTF", () => Hrtf(device)));
            rows.Add(Guard("EFX", () => Efx(device, context)));
        }
        catch (Exception e)
        {
            rows.Add(new(Area, "loopback", e.Message, false));
        }
        return rows;
    }

    private static ProbeResult Guard(string name, Func<ProbeResult> check)
    {
        try
        {
            return check();
        }
        catch (Exception e)
        {
            return new(Area, name, e.Message, false);
        }
    }

    private static ProbeResult DefaultDevice()
    {
        string? fallback = null;
        using IAudioOutput output = AudioOutputs.OpenDefault(line => fallback = line);
        if (output.IsAudible) return new(Area, "default device", output.DeviceName, true);
        string why = output is NullAudioOutput silent ? silent.Reason : AlDriverSelection.NullFallbackReason ?? fallback ?? "no audible output";
        return new(Area, "default device", $"silent fallback {output.DeviceName}: {why}", false);
    }

    private static ProbeResult LoopbackRender(AlLoopbackDevice device, AlContext context)
    {
        int frames = SampleRate / 10;
        var tone = new float[SampleRate / 10];
        for (int i = 0; i < tone.Length; i++) tone[i] = 0.5f * MathF.Sin(2 * MathF.PI * 440 * i / SampleRate);
        using AlBuffer buffer = context.CreateBuffer();
        buffer.Upload(tone, 1, SampleRate);
        using AlSource source = context.CreateSource();
        source.Buffer = buffer;
        source.Looping = true;
        source.Position = new Vector3(0, 0, -1);
        source.Play();
        float[] mix = device.Render(frames);
        double sum = 0;
        foreach (float s in mix) sum += s * s;
        double rms = Math.Sqrt(sum / mix.Length);
        string value = string.Create(CultureInfo.InvariantCulture,
            $"0.1 s of a 440 Hz sine rendered at {SampleRate} Hz float stereo, RMS {rms:F3}");
        return new(Area, "loopback render", value, rms > 0.05);
    }

    private static ProbeResult Hrtf(AlDevice device)
    {
        if (!device.SupportsHrtf) return new(Area, "HRTF", "ALC_SOFT_HRTF not supported", false);
        IReadOnlyList<string> names = device.HrtfNames;
        return new(Area, "HRTF", names.Count == 0 ? "no HRTF data (install libopenal-data)" : string.Join(", ", names), names.Count > 0);
    }

    private static ProbeResult Efx(AlDevice device, AlContext context)
    {
        if (!device.HasExtension("ALC_EXT_EFX")) return new(Area, "EFX", "ALC_EXT_EFX not supported", false);
        using AlReverbEffect reverb = AlReverbEffect.Create(context);
        return new(Area, "EFX", $"{device.MaxAuxiliarySends} sends per source, {(reverb.IsEax ? "EAX" : "standard")} reverb", true);
    }
}

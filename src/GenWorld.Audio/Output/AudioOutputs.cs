using GenWorld.Audio.Native;
using GenWorld.Audio.OpenAl;
using GenWorld.Core.Native;

namespace GenWorld.Audio.Output;

/// <summary>Opens the machine's default audio output, falling back to silence with one log line that says why.</summary>
public static class AudioOutputs
{
    /// <summary>
    /// The default OpenAL device; on a machine without sound hardware, OpenAL Soft's null output ("No Output");
    /// if OpenAL is missing or fails, a <see cref="NullAudioOutput"/>. Never throws for a missing or broken device.
    /// </summary>
    /// <param name="log">Receives the single fallback line (stderr when null); nothing is logged when real output works.</param>
    public static IAudioOutput OpenDefault(Action<string>? log = null) => OpenDefault(log, () => OpenAlLibrary.Api);

    internal static IAudioOutput OpenDefault(Action<string>? log, Func<OpenAlApis> loadApi)
    {
        log ??= Console.Error.WriteLine;
        OpenAlApis api;
        try
        {
            api = loadApi();
        }
        catch (MissingNativeLibraryException e)
        {
            log($"audio: {e.Message}; running silent (no-sound output).");
            return new NullAudioOutput(e.Message);
        }

        AlDevice device;
        try
        {
            device = AlDevice.Open(api, null);
        }
        catch (AlException e)
        {
            string reason = $"could not open the default OpenAL device ({e.Message})";
            log($"audio: {reason}; running silent (no-sound output).");
            return new NullAudioOutput(reason);
        }

        try
        {
            var output = new OpenAlAudioOutput(device, device.CreateContext());
            if (device.IsNullOutput)
                log($"audio: {AlDriverSelection.NullFallbackReason ?? "OpenAL Soft selected its null backend"}; " +
                    $"using OpenAL Soft's null output \"{AlDevice.NullOutputName}\": sounds are mixed but not heard.");
            return output;
        }
        catch (AlException e)
        {
            string name = device.Name;
            device.Dispose();
            string reason = $"OpenAL opened \"{name}\" but could not create a context ({e.Message})";
            log($"audio: {reason}; running silent (no-sound output).");
            return new NullAudioOutput(reason);
        }
    }
}

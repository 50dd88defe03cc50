using GenWorld.Core.Native;

namespace GenWorld.Audio.Native;

/// <summary>
/// Chooses OpenAL Soft's backend list before the library initialises. OpenAL Soft 1.19 picks ONE playback
/// backend per process, at its first ALC call: the first in <c>ALSOFT_DRIVERS</c> order whose init succeeds.
/// ALSA (and OSS, sndio) initialise fine without any sound card and only fail later at <c>alcOpenDevice</c>,
/// and the null backend's "No Output" device can then no longer be opened. So when no output hardware is
/// visible we list only backends that check for a running server at init (JACK, PulseAudio/PipeWire) and
/// then <c>null</c>. A user's own <c>ALSOFT_DRIVERS</c> always wins.
/// </summary>
internal static class AlDriverSelection
{
    public const string EnvironmentVariable = "ALSOFT_DRIVERS";

    /// <summary>Tried in order when no sound card is visible: servers first, then the silent null backend.</summary>
    public const string NoHardwareDrivers = "jack,pulse,null";

    private static readonly Lock Gate = new();
    private static bool _applied;

    /// <summary>Why the null backend was made reachable, or null when the default backend list was kept.</summary>
    public static string? NullFallbackReason { get; private set; }

    /// <summary>Sets <c>ALSOFT_DRIVERS</c> once, before the first call into OpenAL.</summary>
    public static void ApplyOnce()
    {
        lock (Gate)
        {
            if (_applied) return;
            _applied = true;
            string? user = Libc.GetEnv(EnvironmentVariable);
            if (!string.IsNullOrEmpty(user))
            {
                NullFallbackReason = $"{EnvironmentVariable}={user} was set before start";
                return;
            }
            if (FindOutputHardware() is not null) return;
            Libc.SetEnv(EnvironmentVariable, NoHardwareDrivers);
            NullFallbackReason = "no sound card (no ALSA playback device in /dev/snd, no /dev/dsp, no ALSA config) " +
                                 "and no JACK or PulseAudio server";
        }
    }

    /// <summary>The first sign of a playable device or ALSA routing, or null when there is none.</summary>
    internal static string? FindOutputHardware()
    {
        try
        {
            if (Directory.Exists("/dev/snd"))
            {
                // ALSA names playback PCMs pcmC{card}D{device}p; capture-only cards end in 'c'.
                string? playback = Directory.EnumerateFiles("/dev/snd", "pcmC*D*p").FirstOrDefault();
                if (playback is not null) return playback;
            }
            if (File.Exists("/dev/dsp")) return "/dev/dsp";
            // An ALSA config can route "default" to software (pulse, a file, a loop device) without a card.
            if (File.Exists("/etc/asound.conf")) return "/etc/asound.conf";
            string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            string asoundrc = Path.Combine(home, ".asoundrc");
            if (home.Length > 0 && File.Exists(asoundrc)) return asoundrc;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return null;
    }
}

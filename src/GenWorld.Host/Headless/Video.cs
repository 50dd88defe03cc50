using System.Diagnostics;
using System.Globalization;

namespace GenWorld.Host.Headless;

/// <summary>PNG frames + WAV → H.264/AAC MP4 through the ffmpeg binary, when there is one (optional: frames and WAV stand alone).</summary>
internal static class Video
{
    public static string? TryEncode(string framesDir, string wav, int fps, string mp4, Action<string> log)
    {
        string? ffmpeg = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(dir => Path.Combine(dir, "ffmpeg")).FirstOrDefault(File.Exists);
        if (ffmpeg is null)
        {
            log("ffmpeg not found: no MP4 (the PNG frames and the WAV are written).");
            return null;
        }
        var start = new ProcessStartInfo(ffmpeg) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string arg in new[]
        {
            "-y", "-loglevel", "error", "-framerate", fps.ToString(CultureInfo.InvariantCulture), "-i", Path.Combine(framesDir, "frame-%05d.png"),
            "-i", wav, "-c:v", "libx264", "-pix_fmt", "yuv420p", "-crf", "23", "-c:a", "aac", "-b:a", "160k", "-shortest", mp4,
        }) start.ArgumentList.Add(arg);
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start ffmpeg");
        string errors = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode == 0) return mp4;
        log($"ffmpeg failed (exit {process.ExitCode}): {errors.Trim()}; the PNG frames and the WAV are written.");
        return null;
    }
}

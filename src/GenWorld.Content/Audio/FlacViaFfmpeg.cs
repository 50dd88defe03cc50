using System.Diagnostics;
using GenWorld.Core.Audio;

namespace GenWorld.Content.Audio;

/// <summary>
/// FLAC through the ffmpeg binary (stdin FLAC → stdout float WAV): cheaper than a decoder of our own, and optional —
/// without ffmpeg, FLAC inputs are skipped as "flac unsupported".
/// </summary>
internal static class FlacViaFfmpeg
{
    public static AudioClip Decode(byte[] data, string name)
    {
        var psi = new ProcessStartInfo("ffmpeg")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "-v", "error", "-f", "flac", "-i", "pipe:0", "-f", "wav", "-c:a", "pcm_f32le", "pipe:1" })
            psi.ArgumentList.Add(a);
        Process process;
        try { process = Process.Start(psi)!; }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new AudioDecodeException("flac unsupported", $"{name}: FLAC needs ffmpeg, which is not installed ({e.Message})", e);
        }
        using (process)
        {
            var output = new MemoryStream();
            var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
            var errors = process.StandardError.ReadToEndAsync();
            try
            {
                process.StandardInput.BaseStream.Write(data);
                process.StandardInput.Close();
            }
            catch (IOException) { } // ffmpeg gave up early on bad input; its exit code says why
            copy.GetAwaiter().GetResult();
            process.WaitForExit();
            if (process.ExitCode != 0 || output.Length == 0)
                throw new AudioDecodeException("corrupt flac", $"{name}: ffmpeg could not decode it: {errors.GetAwaiter().GetResult().Trim()}");
            // ffmpeg cannot seek a pipe to patch the RIFF sizes; WavFile tolerates that only if sizes are right, so fix them.
            var bytes = output.ToArray();
            WavHeaderFix.PatchStreamedSizes(bytes);
            return WavFile.Decode(bytes);
        }
    }
}

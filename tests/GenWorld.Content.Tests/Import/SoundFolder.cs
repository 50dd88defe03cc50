using System.Diagnostics;
using GenWorld.Core.Audio;

namespace GenWorld.Content.Tests.Import;

/// <summary>
/// A user's sound folder made at test time: sox-synthesised sounds in every format the importer reads (WAV 8/24-bit,
/// 64-bit float, 6-channel 96 kHz extensible; OGG, MP3 and FLAC encoded by ffmpeg), subfolders as categories, a
/// recording of separate hits to slice, a copy to drop as a duplicate, and the bad inputs a real library holds.
/// </summary>
internal static class SoundFolder
{
    /// <summary>Seconds at which the hits of long/hits.wav start (each 0.4 s, 1.1 s apart, a different pitch).</summary>
    public static readonly double[] HitStarts = [0.5, 1.6, 2.7, 3.8, 4.9, 6.0, 7.1, 8.2];

    public static string Make()
    {
        var dir = TestPaths.NewTempDir();
        foreach (var sub in new[] { "drums", "tones", "long", "bad", "bad/loop" }) Directory.CreateDirectory(Path.Combine(dir, sub));
        Sox(dir, "drums/kick.wav", "-b", "16", "synth", "0.4", "sine", "150:40", "fade", "0", "0.4", "0.35");
        Sox(dir, "drums/hat.wav", "-b", "8", "synth", "0.15", "whitenoise", "fade", "0", "0.15", "0.14");
        Sox(dir, "drums/snare-src.wav", "-b", "16", "synth", "0.3", "pinknoise", "fade", "0", "0.3", "0.28");
        Ffmpeg(dir, "drums/snare-src.wav", "drums/snare.ogg", "-c:a", "libvorbis");
        File.Delete(Path.Combine(dir, "drums/snare-src.wav"));
        Sox(dir, "tones/pluck24.wav", "-b", "24", "synth", "0.8", "pluck", "A3", "fade", "0", "0.8", "0.5");
        Sox(dir, "tones/square64.wav", "-e", "floating-point", "-b", "64", "synth", "0.6", "square", "330", "fade", "0", "0.6", "0.2");
        Sox(dir, "tones/surround.wav", "-r", "96000", "-c", "6", "-b", "24", "synth", "0.7", "sawtooth", "220", "fade", "0", "0.7", "0.3");
        Sox(dir, "tones/chime-src.wav", "-r", "44100", "synth", "1.2", "sine", "660", "fade", "0", "1.2", "1.0");
        Ffmpeg(dir, "tones/chime-src.wav", "tones/chime.mp3", "-c:a", "libmp3lame", "-b:a", "128k");
        Sox(dir, "tones/bell-src.wav", "-r", "22050", "synth", "0.9", "sine", "1320", "fade", "0", "0.9", "0.8");
        Ffmpeg(dir, "tones/bell-src.wav", "tones/bell.flac", "-c:a", "flac");
        File.Delete(Path.Combine(dir, "tones/chime-src.wav"));
        File.Delete(Path.Combine(dir, "tones/bell-src.wav"));
        WavFile.Write(Path.Combine(dir, "long/hits.wav"), new AudioClip(Hits(44100), 1, 44100));
        File.Copy(Path.Combine(dir, "drums/kick.wav"), Path.Combine(dir, "tones/kick-copy.wav"));
        Sox(dir, "top-level.wav", "synth", "0.5", "triangle", "500", "fade", "0", "0.5", "0.4");

        // The bad inputs: a truncated OGG, a 0-byte WAV, text named .wav, a non-audio file, a folder link loop.
        var ogg = File.ReadAllBytes(Path.Combine(dir, "drums/snare.ogg"));
        File.WriteAllBytes(Path.Combine(dir, "bad/truncated.ogg"), ogg[..(ogg.Length / 3)]);
        File.WriteAllBytes(Path.Combine(dir, "bad/empty.wav"), []);
        File.WriteAllText(Path.Combine(dir, "bad/notes.wav"), "this is a text file, not a sound");
        File.WriteAllText(Path.Combine(dir, "bad/readme.txt"), "credits");
        Directory.CreateSymbolicLink(Path.Combine(dir, "bad/loop/again"), Path.Combine(dir, "bad"));
        File.WriteAllText(Path.Combine(dir, "labels.csv"), "file,category,mood\ntones/chime.mp3,bells,calm\n");
        return dir;
    }

    /// <summary>Eight decaying tones, 0.4 s long, separated by silence: a recording the slicer should cut into eight.</summary>
    private static float[] Hits(int rate)
    {
        var samples = new float[(int)(9.0 * rate)];
        for (var h = 0; h < HitStarts.Length; h++)
        {
            var start = (int)(HitStarts[h] * rate);
            var f = 220 * Math.Pow(2, h / 4.0);
            for (var n = 0; n < (int)(0.4 * rate); n++)
                samples[start + n] = (float)(0.6 * Math.Exp(-n / (0.08 * rate)) * Math.Sin(2 * Math.PI * f * n / rate));
        }
        return samples;
    }

    /// <summary>A fingerprint of everything in the folder (names, sizes, contents, modification times, links).</summary>
    public static string Snapshot(string dir)
    {
        var lines = new List<string>();
        foreach (var entry in new DirectoryInfo(dir).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = false }))
            lines.Add(Describe(entry, dir));
        foreach (var sub in new[] { "drums", "tones", "long", "bad", "bad/loop" })
            foreach (var entry in new DirectoryInfo(Path.Combine(dir, sub)).EnumerateFileSystemInfos())
                lines.Add(Describe(entry, dir));
        lines.Sort(StringComparer.Ordinal);
        return string.Join('\n', lines);
    }

    private static string Describe(FileSystemInfo e, string root)
    {
        var hash = e is FileInfo f && e.LinkTarget is null ? Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f.FullName))) : "";
        return $"{Path.GetRelativePath(root, e.FullName)} {e.LinkTarget} {e.LastWriteTimeUtc.Ticks} {hash}";
    }

    private static void Sox(string dir, string output, params string[] args) =>
        Run("sox", dir, ["-n", .. TakeOutputOptions(args, out var rest), output, .. rest]);

    // sox wants output-format options (-b, -e, -r, -c) right before the output file, effects after it.
    private static string[] TakeOutputOptions(string[] args, out string[] rest)
    {
        var options = new List<string>();
        var i = 0;
        while (i < args.Length && args[i].StartsWith('-')) { options.Add(args[i]); options.Add(args[i + 1]); i += 2; }
        rest = args[i..];
        return [.. options];
    }

    private static void Ffmpeg(string dir, string input, string output, params string[] args) =>
        Run("ffmpeg", dir, ["-v", "error", "-y", "-i", input, .. args, output]);

    private static void Run(string tool, string dir, string[] args)
    {
        var psi = new ProcessStartInfo(tool) { WorkingDirectory = dir, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed: {err}");
    }
}

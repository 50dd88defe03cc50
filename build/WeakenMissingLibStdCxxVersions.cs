// MSBuild inline task (see TorchSharpNativeFix.targets). Kept dependency-free: it runs inside MSBuild.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public class WeakenMissingLibStdCxxVersions : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 0x2;

    [Required]
    public ITaskItem[] Libraries { get; set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        string? libStdCxx = FindSystemLibStdCxx();
        if (libStdCxx == null)
        {
            Log.LogMessage(MessageImportance.Low, "GenWorld: no system libstdc++.so.6 found; TorchSharp native library left as is.");
            return true;
        }
        byte[] systemLib = File.ReadAllBytes(libStdCxx);
        foreach (ITaskItem item in Libraries)
        {
            string path = item.GetMetadata("FullPath");
            try
            {
                List<string> weakened = WeakenMissing(path, systemLib);
                if (weakened.Count > 0)
                    Log.LogMessage(MessageImportance.High, "GenWorld: marked " + string.Join(", ", weakened) + " weak in " + path + " (not provided by " + libStdCxx + ")");
            }
            catch (Exception e)
            {
                Log.LogWarning("GenWorld: could not patch " + path + ": " + e.Message);
            }
        }
        return !Log.HasLoggedErrors;
    }

    private static string? FindSystemLibStdCxx()
    {
        string[] candidates =
        {
            "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6",
            "/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib/libstdc++.so.6",
        };
        foreach (string c in candidates)
            if (File.Exists(c)) return c;
        return null;
    }

    private static bool Provides(byte[] systemLib, string version)
    {
        byte[] needle = Encoding.ASCII.GetBytes(version + "\0");
        for (int i = 0; i + needle.Length <= systemLib.Length; i++)
        {
            if (systemLib[i] != needle[0]) continue;
            int j = 1;
            while (j < needle.Length && systemLib[i + j] == needle[j]) j++;
            if (j == needle.Length && (i == 0 || systemLib[i - 1] == 0)) return true;
        }
        return false;
    }

    /// <summary>Sets VER_FLG_WEAK on every GLIBCXX_/CXXABI_ requirement that the system library lacks.</summary>
    private static List<string> WeakenMissing(string path, byte[] systemLib)
    {
        var weakened = new List<string>();
        byte[] elf = File.ReadAllBytes(path);
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("only 64-bit little-endian ELF is supported");

        long shOff = (long)BitConverter.ToUInt64(elf, 0x28);
        int shEntSize = BitConverter.ToUInt16(elf, 0x3A);
        int shNum = BitConverter.ToUInt16(elf, 0x3C);
        bool changed = false;
        for (int s = 0; s < shNum; s++)
        {
            long sh = shOff + (long)s * shEntSize;
            if (BitConverter.ToUInt32(elf, (int)sh + 4) != ShtGnuVerneed) continue;
            long verneedOff = (long)BitConverter.ToUInt64(elf, (int)sh + 0x18);
            int strIndex = (int)BitConverter.ToUInt32(elf, (int)sh + 0x28);
            int count = (int)BitConverter.ToUInt32(elf, (int)sh + 0x2C);
            long strSh = shOff + (long)strIndex * shEntSize;
            long strOff = (long)BitConverter.ToUInt64(elf, (int)strSh + 0x18);

            long vn = verneedOff;
            for (int n = 0; n < count; n++)
            {
                int auxCount = BitConverter.ToUInt16(elf, (int)vn + 2);
                long aux = vn + BitConverter.ToUInt32(elf, (int)vn + 8);
                for (int a = 0; a < auxCount; a++)
                {
                    ushort flags = BitConverter.ToUInt16(elf, (int)aux + 4);
                    string name = ReadCString(elf, strOff + BitConverter.ToUInt32(elf, (int)aux + 8));
                    bool libStdCxxVersion = name.StartsWith("GLIBCXX_", StringComparison.Ordinal) || name.StartsWith("CXXABI_", StringComparison.Ordinal);
                    if (libStdCxxVersion && (flags & VerFlagWeak) == 0 && !Provides(systemLib, name))
                    {
                        BitConverter.GetBytes((ushort)(flags | VerFlagWeak)).CopyTo(elf, (int)aux + 4);
                        weakened.Add(name);
                        changed = true;
                    }
                    aux += BitConverter.ToUInt32(elf, (int)aux + 12);
                }
                vn += BitConverter.ToUInt32(elf, (int)vn + 12);
            }
        }
        if (changed)
        {
            // Write beside, then swap: a half-written library would be worse than an unpatched one.
            string tmp = path + ".genworld-tmp";
            File.WriteAllBytes(tmp, elf);
            File.Delete(path);
            File.Move(tmp, path);
        }
        return weakened;
    }

    private static string ReadCString(byte[] data, long offset)
    {
        int end = (int)offset;
        while (end < data.Length && data[end] != 0) end++;
        return Encoding.ASCII.GetString(data, (int)offset, end - (int)offset);
    }
}

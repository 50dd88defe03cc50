using GenWorld.Content.Datasets;

namespace GenWorld.Content.Notes;

/// <summary>Which fonts, programs, pitches and velocities each dataset size renders.</summary>
public sealed record NotesPlan(IReadOnlyList<SoundFontInfo> Fonts, IReadOnlyList<int> Programs, IReadOnlyList<int> Pitches,
    int ProgramsPerRender, double MaxSeconds)
{
    /// <summary>Velocities cycled over the notes, so every family and pitch region gets soft, medium and loud notes.</summary>
    public static readonly int[] Velocities = [50, 80, 110];

    /// <summary>The plan for a size.</summary>
    public static NotesPlan For(DatasetSize size) => size switch
    {
        DatasetSize.Fixture => new([SoundFontInfo.FluidR3], [.. Enumerable.Range(0, 16).Select(f => f * 8)], [48, 72], 16, 1.0),
        DatasetSize.Small => new([SoundFontInfo.FluidR3], [.. Enumerable.Range(0, 16).SelectMany(f => new[] { f * 8, f * 8 + 4 })],
            [.. Enumerable.Range(0, 7).Select(i => 24 + 12 * i)], 32, 3.0),
        _ => new([SoundFontInfo.FluidR3, SoundFontInfo.TimGm6mb], [.. Enumerable.Range(0, 128)],
            [.. Enumerable.Range(0, 37).Select(i => 24 + 2 * i)], 16, 3.0),
    };

    /// <summary>The velocity of a (program, pitch) pair: a fixed cycle, reproducible across builds.</summary>
    public static int VelocityOf(int program, int pitch) => Velocities[(program + pitch / 2) % Velocities.Length];
}

/// <summary>A GM SoundFont shipped in a Debian package.</summary>
/// <param name="Key">Short name used in ids and the <c>font</c> label.</param>
/// <param name="Package">Debian package.</param>
/// <param name="PathInPackage">SoundFont path inside the package.</param>
/// <param name="FallbackLicence">Licence when the copyright file does not map the font file.</param>
public sealed record SoundFontInfo(string Key, string Package, string PathInPackage, string FallbackLicence)
{
    /// <summary>FluidR3_GM (MIT), the main font.</summary>
    public static readonly SoundFontInfo FluidR3 = new("fluidr3", "fluid-soundfont-gm", "usr/share/sounds/sf2/FluidR3_GM.sf2", "MIT");

    /// <summary>TimGM6mb (GPL-2), small and different-sounding.</summary>
    public static readonly SoundFontInfo TimGm6mb = new("timgm6mb", "timgm6mb-soundfont", "usr/share/sounds/sf2/TimGM6mb.sf2", "GPL-2");
}
